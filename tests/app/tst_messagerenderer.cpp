// renderMessageBlocks: Markdown and plain text become our own safe rich text, whatever the server sent.
#include "rendering/messagerenderer.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextList>

#include <thread>
#include <vector>

using tandem::app::renderMessageBlocks;

namespace {

constexpr char16_t kFsi = 0x2068;
constexpr char16_t kPdi = 0x2069;
constexpr char16_t kPdf = 0x202C;
constexpr char16_t kRlo = 0x202E;
constexpr char16_t kZwsp = 0x200B;

QVariantList render(const QString &body, const QString &format = QStringLiteral("markdown"),
    const QStringList &mentions = {}, bool collapsed = false)
{
    return renderMessageBlocks(body, format, mentions, collapsed);
}

QString htmlOf(const QVariantList &blocks)
{
    QString html;
    for (const QVariant &block : blocks)
        html += block.toMap().value(QStringLiteral("html")).toString();
    return html;
}

// What a reader sees: the rich text laid out by Qt, without the invisible characters we add.
QString visibleText(const QString &html, bool keepInvisible = false)
{
    QTextDocument document;
    document.setHtml(html);
    QString text = document.toPlainText();
    if (!keepInvisible) {
        text.remove(QChar(kFsi));
        text.remove(QChar(kPdi));
        text.remove(QChar(kPdf));
        text.remove(QChar(kZwsp));
    }
    return text;
}

// Every tag and attribute in `html` is one our writer emits.
bool onlyOurMarkup(const QString &html, QString *offending)
{
    static const QSet<QString> tags {QStringLiteral("p"), QStringLiteral("b"), QStringLiteral("i"),
        QStringLiteral("s"), QStringLiteral("code"), QStringLiteral("a"), QStringLiteral("br"),
        QStringLiteral("ul"), QStringLiteral("ol"), QStringLiteral("li"), QStringLiteral("span"),
        QStringLiteral("hr")};
    static const QSet<QString> attributes {
        QStringLiteral("style"), QStringLiteral("href"), QStringLiteral("dir")};
    const QRegularExpression tag(QStringLiteral("<\\s*/?\\s*([A-Za-z0-9]+)([^>]*)>"));
    const QRegularExpression attribute(QStringLiteral("([A-Za-z-]+)\\s*=\\s*\"[^\"]*\""));
    for (auto it = tag.globalMatch(html); it.hasNext();) {
        const auto match = it.next();
        if (!tags.contains(match.captured(1).toLower())) {
            *offending = match.captured(0);
            return false;
        }
        QString rest = match.captured(2);
        for (auto at = attribute.globalMatch(rest); at.hasNext();) {
            const auto a = at.next();
            if (!attributes.contains(a.captured(1).toLower())) {
                *offending = match.captured(0);
                return false;
            }
        }
        rest.remove(attribute);
        if (!rest.trimmed().isEmpty()) {
            *offending = match.captured(0);
            return false;
        }
    }
    return true;
}

// At the end of each line (<br>, </p>, </li>) every bidi embedding and isolate is closed, and no PDI
// ever closes an isolate that was not opened.
bool bidiBalancedPerLine(const QString &html, QString *why)
{
    std::vector<char16_t> stack;
    for (qsizetype i = 0; i < html.size(); ++i) {
        const char16_t c = html[i].unicode();
        if (c == 0x202A || c == 0x202B || c == 0x202D || c == 0x202E || c == 0x2066 || c == 0x2067
            || c == kFsi) {
            stack.push_back(c);
        } else if (c == kPdf) {
            if (!stack.empty() && stack.back() < 0x2066)
                stack.pop_back();
        } else if (c == kPdi) {
            while (!stack.empty() && stack.back() < 0x2066)
                stack.pop_back();
            if (stack.empty()) {
                *why = QStringLiteral("unmatched PDI at %1").arg(i);
                return false;
            }
            stack.pop_back();
        } else if (html.mid(i, 4) == u"<br>" || html.mid(i, 4) == u"</p>" || html.mid(i, 5) == u"</li>") {
            if (!stack.empty()) {
                *why = QStringLiteral("%1 open at %2").arg(stack.size()).arg(i);
                return false;
            }
        }
    }
    return stack.empty();
}

QVariantMap firstOfType(const QVariantList &blocks, const QString &type)
{
    for (const QVariant &block : blocks) {
        if (block.toMap().value(QStringLiteral("type")).toString() == type)
            return block.toMap();
    }
    return {};
}

} // namespace

class TestMessageRenderer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rendersInlineMarkdownAsOurTags()
    {
        const QString html = htmlOf(render(QStringLiteral("**bold** *it* ~~gone~~ `x = 1` plain")));
        QVERIFY(html.contains(u"<b>\u2068bold") || html.contains(u"<b>bold"));
        QTextDocument document;
        document.setHtml(html);
        bool bold = false;
        bool italic = false;
        bool strike = false;
        bool mono = false;
        for (auto it = document.begin().begin(); !it.atEnd(); ++it) {
            const QString text = it.fragment().text();
            const QTextCharFormat format = it.fragment().charFormat();
            bold |= text.contains(u"bold") && format.fontWeight() >= QFont::Bold;
            italic |= text.contains(u"it") && format.fontItalic();
            strike |= text.contains(u"gone") && format.fontStrikeOut();
            mono |= text.contains(u"x = 1") && format.background().style() != Qt::NoBrush;
        }
        QVERIFY(bold);
        QVERIFY(italic);
        QVERIFY(strike);
        QVERIFY(mono);
        QCOMPARE(visibleText(html), QStringLiteral("bold it gone x = 1 plain"));
    }

    void rendersHeadingsAsBoldParagraphs()
    {
        const QString html = htmlOf(render(QStringLiteral("# Title\n\ntext")));
        QVERIFY(html.contains(u"<b>"));
        QCOMPARE(visibleText(html), QStringLiteral("Title\ntext"));
        QVERIFY(!html.contains(u"<h1"));
    }

    void rendersNestedAndOrderedLists()
    {
        const QString html
            = htmlOf(render(QStringLiteral("- one\n  - nested\n- two\n\n1. first\n2. second")));
        QVERIFY(html.contains(u"<ul"));
        QVERIFY(html.contains(u"<ol"));
        QTextDocument document;
        document.setHtml(html);
        QMap<QString, int> indent;
        QMap<QString, bool> ordered;
        for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
            QVERIFY2(block.textList(), qPrintable(block.text()));
            const QString text = visibleText(block.text().toHtmlEscaped());
            indent[text] = block.textList()->format().indent();
            ordered[text] = block.textList()->format().style() == QTextListFormat::ListDecimal;
        }
        QCOMPARE(indent.value(QStringLiteral("nested")), indent.value(QStringLiteral("one")) + 1);
        QCOMPARE(indent.value(QStringLiteral("two")), indent.value(QStringLiteral("one")));
        QVERIFY(ordered.value(QStringLiteral("first")));
        QVERIFY(!ordered.value(QStringLiteral("one")));
    }

    void rendersBlockQuotesAsQuoteBlocks()
    {
        const QVariantList blocks = render(QStringLiteral("before\n\n> quoted **words**\n\nafter"));
        QCOMPARE(blocks.size(), 3);
        QCOMPARE(blocks.at(0).toMap().value(QStringLiteral("type")).toString(), QStringLiteral("text"));
        const QVariantMap quote = blocks.at(1).toMap();
        QCOMPARE(quote.value(QStringLiteral("type")).toString(), QStringLiteral("quote"));
        QCOMPARE(visibleText(quote.value(QStringLiteral("html")).toString()), QStringLiteral("quoted words"));
        QCOMPARE(visibleText(blocks.at(2).toMap().value(QStringLiteral("html")).toString()),
            QStringLiteral("after"));
    }

    void keepsChatLineBreaksInMarkdown()
    {
        QCOMPARE(visibleText(htmlOf(render(QStringLiteral("first line\nsecond line")))),
            QStringLiteral("first line\nsecond line"));
        QCOMPARE(visibleText(htmlOf(render(QStringLiteral("a\nb"), QStringLiteral("plain")))),
            QStringLiteral("a\nb"));
    }

    void linksOnlyWebAndMailTargets_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("href"); // empty: no link at all
        QTest::newRow("https") << QStringLiteral("[site](https://example.com/a?b=1)")
                               << QStringLiteral("https://example.com/a?b=1");
        QTest::newRow("http") << QStringLiteral("[site](http://example.com)")
                              << QStringLiteral("http://example.com");
        QTest::newRow("mailto") << QStringLiteral("[mail](mailto:bob@example.com)")
                                << QStringLiteral("mailto:bob@example.com");
        QTest::newRow("autolink") << QStringLiteral("see https://example.com/x.")
                                  << QStringLiteral("https://example.com/x");
        QTest::newRow("javascript") << QStringLiteral("[site](javascript:alert(1))") << QString();
        QTest::newRow("JavaScript upper") << QStringLiteral("[site](JAVASCRIPT:alert(1))") << QString();
        QTest::newRow("file") << QStringLiteral("[site](file:///etc/passwd)") << QString();
        QTest::newRow("data") << QStringLiteral("[site](data:text/html;base64,PHNjcmlwdD4=)") << QString();
        QTest::newRow("relative") << QStringLiteral("[site](/etc/passwd)") << QString();
        QTest::newRow("autolink javascript") << QStringLiteral("<javascript:alert(1)>") << QString();
    }

    void linksOnlyWebAndMailTargets()
    {
        QFETCH(QString, body);
        QFETCH(QString, href);
        const QString html = htmlOf(render(body));
        QTextDocument document;
        document.setHtml(html);
        QStringList anchors;
        for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                if (it.fragment().charFormat().isAnchor())
                    anchors << it.fragment().charFormat().anchorHref();
            }
        }
        anchors.removeDuplicates();
        if (href.isEmpty())
            QVERIFY2(anchors.isEmpty(), qPrintable(anchors.join(u' ')));
        else
            QCOMPARE(anchors, QStringList {href});
        QVERIFY(!html.contains(u"javascript:", Qt::CaseInsensitive) || !html.contains(u"href=\"javascript"));
    }

    void linkifiesOnlyWebUrlsInPlainText()
    {
        const QString html
            = htmlOf(render(QStringLiteral("go to https://example.com/a_(b)), not javascript:alert(1) "
                                           "nor file:///etc/passwd nor data:text/html,x"),
                QStringLiteral("plain")));
        QCOMPARE(html.count(u"<a "), 1);
        QVERIFY(html.contains(u"href=\"https://example.com/a_(b)\""));
        QVERIFY(visibleText(html).contains(u"javascript:alert(1)"));
    }

    void escapesHtmlFromTheServer_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("markdown") << QStringLiteral("markdown");
        QTest::newRow("plain") << QStringLiteral("plain");
    }

    void escapesHtmlFromTheServer()
    {
        QFETCH(QString, format);
        const QString body
            = QStringLiteral("<b>x</b> <img src=http://example.com/x.png> <script>alert(1)</script> "
                             "<a href=javascript:alert(1)>y</a> <iframe src=\"http://e.com\"> &amp; \"q\"");
        const QString html = htmlOf(render(body, format));
        QString offending;
        QVERIFY2(onlyOurMarkup(html, &offending), qPrintable(offending));
        QVERIFY(!html.contains(u"<img", Qt::CaseInsensitive));
        QVERIFY(!html.contains(u"<script", Qt::CaseInsensitive));
        QVERIFY(!html.contains(u"<iframe", Qt::CaseInsensitive));
        QVERIFY(!html.contains(u"href=\"javascript", Qt::CaseInsensitive));
        const QString visible = visibleText(html);
        QVERIFY2(visible.contains(u"<b>x</b>"), qPrintable(visible));
        QVERIFY(visible.contains(u"<img src=http://example.com/x.png>"));
        QVERIFY(visible.contains(u"<script>alert(1)</script>"));
        QVERIFY(visible.contains(u"<a href=javascript:alert(1)>y</a>"));
        QVERIFY(visible.contains(u"\"q\""));
    }

    void neverLoadsMarkdownImages()
    {
        const QString html
            = htmlOf(render(QStringLiteral("![a cat](http://example.com/cat.png) ![x](javascript:1)")));
        QVERIFY(!html.contains(u"<img", Qt::CaseInsensitive));
        const QString visible = visibleText(html);
        QVERIFY(visible.contains(u"a cat"));
        QVERIFY(visible.contains(u"http://example.com/cat.png"));
        QVERIFY(html.contains(u"href=\"http://example.com/cat.png\""));
        QVERIFY(!html.contains(u"href=\"javascript"));
        QTextDocument document;
        document.setHtml(html);
        for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
            for (auto it = block.begin(); !it.atEnd(); ++it)
                QVERIFY(!it.fragment().charFormat().isImageFormat());
        }
    }

    void isolatesBidiControls_data()
    {
        QTest::addColumn<QString>("body");
        QTest::newRow("RLO left open") << (QStringLiteral("abc ") + QChar(kRlo) + QStringLiteral("evil.exe"));
        QTest::newRow("RLE LRO RLI FSI left open") << QStringLiteral("a\u202Bb\u202Dc\u2067d\u2068e");
        QTest::newRow("stray PDI") << QStringLiteral("a\u2069\u202Eb");
        QTest::newRow("stray PDF") << QStringLiteral("a\u202C\u202C\u202Eb");
        QTest::newRow("across lines") << QStringLiteral("one \u202E two\nthree \u2067 four\n\nfive");
        QTest::newRow("in a list") << QStringLiteral("- \u202Eitem\n- next");
        QTest::newRow("in a link") << QStringLiteral("[\u202Etxt.exe](https://e.com) after");
        QTest::newRow("deep") << QString(200, QChar(kRlo)) + QString(300, QChar(kPdi)) + QStringLiteral("x");
    }

    void isolatesBidiControls()
    {
        QFETCH(QString, body);
        for (const QString &format : {QStringLiteral("markdown"), QStringLiteral("plain")}) {
            const QString html = htmlOf(render(body, format));
            QString why;
            QVERIFY2(bidiBalancedPerLine(html, &why), qPrintable(format + QStringLiteral(": ") + why));
            QVERIFY(html.contains(QChar(kFsi)));
        }
    }

    void keepsZeroWidthCharacters()
    {
        const QString body = QStringLiteral("a\u200Bb\u200Cc\u200Dd\u2060e\uFEFFf");
        for (const QString &format : {QStringLiteral("markdown"), QStringLiteral("plain")}) {
            QString visible = visibleText(htmlOf(render(body, format)), true);
            visible.remove(QChar(kFsi));
            visible.remove(QChar(kPdi));
            QCOMPARE(visible, body);
        }
    }

    void breaksOnlyVeryLongRunsForDisplay()
    {
        const QString word(200, u'w');
        const QString html = htmlOf(render(word, QStringLiteral("plain")));
        QVERIFY(html.contains(QChar(kZwsp)));
        QCOMPARE(visibleText(html), word);
        const QString sentence = QStringLiteral("short words only, nothing to break here");
        QVERIFY(!htmlOf(render(sentence)).contains(QChar(kZwsp)));
    }

    void rendersAMegabyteLineQuicklyAndBounded()
    {
        const QString line(1024 * 1024, u'x');
        for (const QString &format : {QStringLiteral("markdown"), QStringLiteral("plain")}) {
            QElapsedTimer timer;
            timer.start();
            const QVariantList blocks = render(line, format);
            const qint64 elapsed = timer.elapsed();
            qInfo("%s: 1 MB line rendered in %lld ms", qPrintable(format), elapsed);
            QVERIFY2(elapsed < 500, qPrintable(QString::number(elapsed)));
            const QString visible = visibleText(htmlOf(blocks));
            QVERIFY(visible.size() <= tandem::app::kExpandedMaxChars + 200);
            QVERIFY(visible.count(u'x') >= tandem::app::kExpandedMaxChars - 1);
            QVERIFY(blocks.constLast().toMap().value(QStringLiteral("clipped")).toBool());
            // No run of more than 80 characters without a break opportunity.
            const QString html = htmlOf(blocks);
            qsizetype run = 0;
            qsizetype longest = 0;
            for (const QChar c : html) {
                run = (c == QChar(kZwsp) || c.isSpace()) ? 0 : run + 1;
                longest = std::max(longest, run);
            }
            QVERIFY2(longest <= 120, qPrintable(QString::number(longest)));

            timer.restart();
            const QVariantList collapsed = render(line, format, {}, true);
            QVERIFY(timer.elapsed() < 500);
            QVERIFY(collapsed.constLast().toMap().value(QStringLiteral("truncated")).toBool());
            QVERIFY(visibleText(htmlOf(collapsed)).size() <= tandem::app::kCollapsedMaxChars);
        }
    }

    void collapsesLongMessages()
    {
        QStringList lines;
        for (int i = 0; i < 100; ++i)
            lines << QStringLiteral("line %1").arg(i);
        const QString body = lines.join(u'\n');
        const QVariantList collapsed = render(body, QStringLiteral("plain"), {}, true);
        QVERIFY(collapsed.constLast().toMap().value(QStringLiteral("truncated")).toBool());
        const QString visible = visibleText(htmlOf(collapsed));
        QCOMPARE(visible.split(u'\n').size(), tandem::app::kCollapsedMaxLines);
        QVERIFY(visible.endsWith(u"line 39"));

        const QVariantList expanded = render(body, QStringLiteral("plain"), {}, false);
        QVERIFY(!expanded.constLast().toMap().value(QStringLiteral("truncated")).toBool());
        QCOMPARE(visibleText(htmlOf(expanded)).split(u'\n').size(), 100);

        const QVariantList shortOne = render(QStringLiteral("short"), QStringLiteral("markdown"), {}, true);
        QCOMPARE(shortOne.size(), 1);
        QVERIFY(!shortOne.constFirst().toMap().value(QStringLiteral("truncated")).toBool());
    }

    void keepsTheFenceLanguage()
    {
        const QVariantList blocks
            = render(QStringLiteral("look:\n\n```Python\ndef f():\n    return 1\n```\n\ndone"));
        QCOMPARE(blocks.size(), 3);
        const QVariantMap code = blocks.at(1).toMap();
        QCOMPARE(code.value(QStringLiteral("type")).toString(), QStringLiteral("code"));
        QCOMPARE(code.value(QStringLiteral("language")).toString(), QStringLiteral("python"));
        QCOMPARE(code.value(QStringLiteral("code")).toString(), QStringLiteral("def f():\n    return 1"));
        QCOMPARE(code.value(QStringLiteral("lineCount")).toInt(), 2);
        QCOMPARE(firstOfType(render(QStringLiteral("```c++\nint x;\n```")), QStringLiteral("code"))
                     .value(QStringLiteral("language"))
                     .toString(),
            QStringLiteral("cpp"));
    }

    void keepsCodeExactlyAndUnescaped()
    {
        const QString source = QStringLiteral("if (a < b && c > d) {\n\n    s = \"<b>\" + '\\n';\n}");
        const QVariantMap code = firstOfType(
            render(QStringLiteral("```\n") + source + QStringLiteral("\n```")), QStringLiteral("code"));
        QCOMPARE(code.value(QStringLiteral("code")).toString(), source);
    }

    void guessesTheLanguageOfUnlabelledCode_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("language");
        QTest::newRow("cpp") << QStringLiteral("#include <vector>\nint main() { std::vector<int> v; }")
                             << QStringLiteral("cpp");
        QTest::newRow("python") << QStringLiteral("def greet(name):\n    print(name)\n")
                                << QStringLiteral("python");
        QTest::newRow("js") << QStringLiteral("function f(x) {\n  console.log(x === 1);\n}")
                            << QStringLiteral("js");
        QTest::newRow("ts") << QStringLiteral("interface User {\n  name: string;\n  age: number;\n}")
                            << QStringLiteral("ts");
        QTest::newRow("json") << QStringLiteral("{\"a\": [1, 2, {\"b\": null}]}") << QStringLiteral("json");
        QTest::newRow("sql") << QStringLiteral("SELECT id, name FROM users WHERE id = 1 ORDER BY name;")
                             << QStringLiteral("sql");
        QTest::newRow("bash") << QStringLiteral("#!/bin/bash\nif [ -f x ]; then\n  echo hi\nfi")
                              << QStringLiteral("bash");
        QTest::newRow("qml") << QStringLiteral(
            "import QtQuick\nRectangle {\n    id: r\n    anchors.fill: parent\n}")
                             << QStringLiteral("qml");
        QTest::newRow("go") << QStringLiteral(
            "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(1)\n}")
                            << QStringLiteral("go");
        QTest::newRow("rust") << QStringLiteral(
            "fn main() {\n    let mut x = 1;\n    println!(\"{}\", x);\n}")
                              << QStringLiteral("rust");
        QTest::newRow("java") << QStringLiteral(
            "public class A {\n  public static void main(String[] a) {\n    System.out.println(1);\n  }\n}")
                              << QStringLiteral("java");
        QTest::newRow("prose") << QStringLiteral("just some words in a box") << QString();
    }

    void guessesTheLanguageOfUnlabelledCode()
    {
        QFETCH(QString, code);
        QFETCH(QString, language);
        const QVariantMap block = firstOfType(
            render(QStringLiteral("```\n") + code + QStringLiteral("\n```")), QStringLiteral("code"));
        QCOMPARE(block.value(QStringLiteral("language")).toString(), language);
    }

    void highlightsMentionsOfTheGivenNames()
    {
        const QStringList names {QStringLiteral("alice"), QStringLiteral("Bob Li")};
        for (const QString &format : {QStringLiteral("markdown"), QStringLiteral("plain")}) {
            const QString html = htmlOf(render(
                QStringLiteral("hi @Alice and @bob li, not @alicex nor me@alice nor @carol"), format, names));
            QCOMPARE(html.count(u"<span"), 2);
            QVERIFY(html.contains(u"font-weight:600;\">@Alice</span>"));
            QVERIFY(html.contains(u"font-weight:600;\">@bob li</span>"));
        }
        QVERIFY(!htmlOf(render(QStringLiteral("`@alice`"), QStringLiteral("markdown"), names))
                     .contains(u"<span"));
    }

    void rendersNothingForAnEmptyBody()
    {
        QVERIFY(render(QString()).isEmpty());
        QVERIFY(render(QStringLiteral("   \n "), QStringLiteral("plain")).isEmpty());
    }

    void rendersTheSameOnWorkerThreads()
    {
        const QString body
            = QStringLiteral("# T\n\n**b** [l](https://e.com) @alice\n\n```\nint x;\n```\n\n> q");
        const QVariantList expected = render(body, QStringLiteral("markdown"), {QStringLiteral("alice")});
        std::vector<std::thread> threads;
        std::vector<int> same(4, 0);
        for (std::size_t t = 0; t < same.size(); ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < 50; ++i)
                    same[t] += render(body, QStringLiteral("markdown"), {QStringLiteral("alice")}) == expected
                        ? 1
                        : 0;
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        for (const int count : same)
            QCOMPARE(count, 50);
    }
};

QTEST_MAIN(TestMessageRenderer)
#include "tst_messagerenderer.moc"
