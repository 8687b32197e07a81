// A plain main() for a fuzz target: feeds every file named on the command line, or found in a folder named
// there, to the target's LLVMFuzzerTestOneInput once. The regular builds link the fuzz targets with it, so
// the seed corpus and the protocol examples are replayed through the fuzzers' own invariants by every test
// run (with the sanitizers in the asan preset), and a parser the fuzzers cannot link is caught there.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace {

bool replay(const std::filesystem::path &file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "cannot read %s\n", file.string().c_str());
        return false;
    }
    const std::vector<char> bytes {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    // An empty vector's data() may be null; libFuzzer never passes null, so neither do we.
    static const uint8_t none = 0;
    const auto *data = bytes.empty() ? &none : reinterpret_cast<const uint8_t *>(bytes.data());
    LLVMFuzzerTestOneInput(data, bytes.size());
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    std::vector<std::filesystem::path> files;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path arg(argv[i]);
        std::error_code error;
        if (std::filesystem::is_directory(arg, error)) {
            for (const auto &entry : std::filesystem::directory_iterator(arg))
                if (entry.is_regular_file())
                    files.push_back(entry.path());
        } else {
            files.push_back(arg);
        }
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) {
        std::fprintf(stderr, "no inputs: name files or folders of inputs to replay\n");
        return 2;
    }
    for (const auto &file : files) {
        if (!replay(file))
            return 1;
    }
    std::printf("replayed %zu inputs\n", files.size());
    return 0;
}
