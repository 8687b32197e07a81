// tandem-server over TLS (--tls-cert/--tls-key): a client that trusts the certificate speaks the
// protocol over wss://; one that does not, or that tries plain ws://, gets nowhere.
#include "serverfixture.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>

using namespace tandem::testing;
using namespace Qt::StringLiterals;

class TestServerTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (!QSslSocket::supportsSsl())
            QSKIP("Qt has no TLS backend here");
        // A self-signed certificate for 127.0.0.1, made by the system's openssl for this run.
        QProcess openssl;
        openssl.start(u"openssl"_s,
            {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-days"_s, u"2"_s, u"-subj"_s,
                u"/CN=127.0.0.1"_s, u"-addext"_s, u"subjectAltName=IP:127.0.0.1"_s, u"-keyout"_s,
                m_dir.filePath(u"key.pem"_s), u"-out"_s, m_dir.filePath(u"cert.pem"_s)});
        QVERIFY2(openssl.waitForFinished(60000) && openssl.exitCode() == 0,
            qPrintable(QString::fromUtf8(openssl.readAllStandardError())));
        QVERIFY(m_server.start(m_dir.filePath(u"data"_s),
            {u"--demo"_s, u"--tls-cert"_s, m_dir.filePath(u"cert.pem"_s), u"--tls-key"_s,
                m_dir.filePath(u"key.pem"_s)}));
        QCOMPARE(m_server.url().scheme(), u"wss"_s);
    }

    void aClientThatTrustsTheCertificateSyncs()
    {
        QFile pem(m_dir.filePath(u"cert.pem"_s));
        QVERIFY(pem.open(QIODevice::ReadOnly));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromData(pem.readAll(), QSsl::Pem));
        TestClient client;
        client.socket().setSslConfiguration(tls);
        QVERIFY(client.open(m_server.url()));
        QVERIFY(client.socket().sslConfiguration().sessionProtocol() >= QSsl::TlsV1_2);
        const TestClient::Login login = client.login(u"alice"_s);
        QVERIFY(!login.token.isEmpty());
        const QJsonObject welcome = client.hello(login, {});
        QCOMPARE(welcome.value(u"type"_s).toString(), u"welcome"_s);
    }

    void aClientThatDoesNotTrustItIsRefused()
    {
        TestClient client; // the system's trust store knows nothing of this certificate
        QVERIFY(!client.open(m_server.url(), 5000));
    }

    void plainWebSocketsGetNothing()
    {
        QUrl plain = m_server.url();
        plain.setScheme(u"ws"_s);
        TestClient client;
        if (client.open(plain, 3000)) {
            // Whatever answered, it was not a session.
            client.send({{u"type"_s, u"ping"_s}, {u"rid"_s, u"p"_s}});
            QVERIFY(client.waitType(u"pong"_s, 2000).isEmpty());
        }
        QVERIFY(m_server.running());
    }

private:
    QTemporaryDir m_dir;
    ServerProcess m_server;
};

QTEST_GUILESS_MAIN(TestServerTls)
#include "tst_server_tls.moc"
