// The word lists behind MessageGenerator's synthetic corpus: Chinese words (Simplified with their
// Traditional forms), English words, terms mixed into Chinese, a long tail of rare terms, and names.
// Lists that feed a Zipf draw are in rough order of frequency in workplace chat.
#pragma once

#include <span>

namespace tandemctl::corpus {

struct WordPair
{
    const char16_t *simplified;
    const char16_t *traditional;
};

std::span<const WordPair> chineseWords();
std::span<const char16_t *const> englishWords();
std::span<const char16_t *const> techTerms();
std::span<const char16_t *const> rareTerms();
std::span<const char16_t *const> surnames();
std::span<const char16_t *const> surnameHanzi();
std::span<const char16_t *const> givenNames();
std::span<const char16_t *const> givenHanzi();
std::span<const char16_t *const> groupNames();
std::span<const char16_t *const> channelNames();
std::span<const char16_t *const> companies();
std::span<const char16_t *const> chinesePunctuation();

} // namespace tandemctl::corpus
