#include "codehighlighter.h"

#include <QQuickTextDocument>
#include <QTextDocument>

#ifdef TANDEM_HAVE_KSYNTAXHIGHLIGHTING
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>
#endif

namespace tandem::app {

#ifdef TANDEM_HAVE_KSYNTAXHIGHLIGHTING
namespace {

// Loading the definitions reads many files: once per process, on the GUI thread (where QML lives).
KSyntaxHighlighting::Repository &repository()
{
    static KSyntaxHighlighting::Repository instance;
    return instance;
}

KSyntaxHighlighting::Definition definitionFor(const QString &language)
{
    if (language.isEmpty())
        return {};
    KSyntaxHighlighting::Definition definition = repository().definitionForName(language);
    if (!definition.isValid()) {
        // Our ids ("cpp", "js", "ts", "py"…) are file extensions more often than definition names.
        const QString extension = language == u"python" ? QStringLiteral("py")
            : language == u"bash"                       ? QStringLiteral("sh")
            : language == u"rust"                       ? QStringLiteral("rs")
                                                        : language;
        definition = repository().definitionForFileName(QStringLiteral("snippet.") + extension);
    }
    return definition;
}

} // namespace

struct CodeHighlighter::Highlighting
{
    // Owned by the QTextDocument it colours (its parent), which QML owns: only observed here.
    QPointer<KSyntaxHighlighting::SyntaxHighlighter> highlighter;
};
#else
struct CodeHighlighter::Highlighting
{ };
#endif

CodeHighlighter::CodeHighlighter(QObject *parent)
    : QObject(parent)
    , m_highlighting(std::make_unique<Highlighting>())
{ }

CodeHighlighter::~CodeHighlighter() = default;

void CodeHighlighter::setTextDocument(QQuickTextDocument *textDocument)
{
    if (m_textDocument == textDocument)
        return;
    m_textDocument = textDocument;
    Q_EMIT textDocumentChanged();
    update();
}

void CodeHighlighter::setLanguage(const QString &language)
{
    if (m_language == language)
        return;
    m_language = language;
    Q_EMIT languageChanged();
    update();
}

void CodeHighlighter::setDark(bool dark)
{
    if (m_dark == dark)
        return;
    m_dark = dark;
    Q_EMIT darkChanged();
    update();
}

void CodeHighlighter::update()
{
    bool active = false;
#ifdef TANDEM_HAVE_KSYNTAXHIGHLIGHTING
    QTextDocument *document = m_textDocument ? m_textDocument->textDocument() : nullptr;
    auto &highlighter = m_highlighting->highlighter;
    if (highlighter && highlighter->document() != document) {
        highlighter->setDocument(nullptr);
        highlighter->deleteLater();
        highlighter = nullptr;
    }
    const KSyntaxHighlighting::Definition definition = definitionFor(m_language);
    if (document && definition.isValid()) {
        if (!highlighter)
            highlighter = new KSyntaxHighlighting::SyntaxHighlighter(document);
        highlighter->setTheme(
            repository().defaultTheme(m_dark ? KSyntaxHighlighting::Repository::DarkTheme
                                             : KSyntaxHighlighting::Repository::LightTheme));
        highlighter->setDefinition(definition);
        highlighter->rehighlight();
        active = true;
    } else if (highlighter) {
        highlighter->setDocument(nullptr);
        highlighter->deleteLater();
        highlighter = nullptr;
    }
#endif
    if (active != m_active) {
        m_active = active;
        Q_EMIT activeChanged();
    }
}

} // namespace tandem::app
