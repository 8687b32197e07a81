// Colours a code block's text in QML: attached to a read-only TextEdit's textDocument, with the block's
// language and the theme's darkness. With KF6 SyntaxHighlighting (TANDEM_HAVE_KSYNTAXHIGHLIGHTING) it
// uses KSyntaxHighlighting::SyntaxHighlighter; without it the code stays plain monospace.
#pragma once

#include <QObject>
#include <QPointer>
#include <QQuickTextDocument>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace tandem::app {

class CodeHighlighter : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        QQuickTextDocument *textDocument READ textDocument WRITE setTextDocument NOTIFY textDocumentChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(bool dark READ dark WRITE setDark NOTIFY darkChanged)
    // Whether a definition for `language` was found and is applied (always false without KF6).
    Q_PROPERTY(bool active READ active NOTIFY activeChanged)

public:
    explicit CodeHighlighter(QObject *parent = nullptr);
    ~CodeHighlighter() override;

    [[nodiscard]] QQuickTextDocument *textDocument() const { return m_textDocument; }
    void setTextDocument(QQuickTextDocument *textDocument);
    [[nodiscard]] QString language() const { return m_language; }
    void setLanguage(const QString &language);
    [[nodiscard]] bool dark() const { return m_dark; }
    void setDark(bool dark);
    [[nodiscard]] bool active() const { return m_active; }

Q_SIGNALS:
    void textDocumentChanged();
    void languageChanged();
    void darkChanged();
    void activeChanged();

private:
    void update();

    QPointer<QQuickTextDocument> m_textDocument;
    QString m_language;
    bool m_dark = false;
    bool m_active = false;
    struct Highlighting;
    std::unique_ptr<Highlighting> m_highlighting; // null without KF6 SyntaxHighlighting
};

} // namespace tandem::app
