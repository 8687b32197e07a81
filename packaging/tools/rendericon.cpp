// rendericon: renders an SVG to square PNGs at build time, so that the SVG stays the only source of the
// icon. `rendericon IN.svg OUTDIR SIZE...` writes OUTDIR/<SIZE>.png for each size.
#include <QCoreApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

int main(int argc, char *argv[])
{
    // No display and no GUI application: QSvgRenderer paints the icon's paths into a QImage in memory
    // (the icon has no text, so no fonts are needed).
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 4) {
        std::fprintf(stderr, "usage: rendericon IN.svg OUTDIR SIZE...\n");
        return 2;
    }
    QSvgRenderer svg(args.at(1));
    if (!svg.isValid()) {
        std::fprintf(stderr, "rendericon: cannot read %s\n", qPrintable(args.at(1)));
        return 1;
    }
    for (qsizetype i = 3; i < args.size(); ++i) {
        bool ok = false;
        const int size = args.at(i).toInt(&ok);
        if (!ok || size <= 0 || size > 4096) {
            std::fprintf(stderr, "rendericon: bad size %s\n", qPrintable(args.at(i)));
            return 2;
        }
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        svg.render(&painter, QRectF(0, 0, size, size));
        painter.end();
        const QString out = QStringLiteral("%1/%2.png").arg(args.at(2)).arg(size);
        if (!image.save(out, "PNG")) {
            std::fprintf(stderr, "rendericon: cannot write %s\n", qPrintable(out));
            return 1;
        }
    }
    return 0;
}
