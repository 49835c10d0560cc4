// The certificates the training demo attaches to a few records (see trainingdemotext.h): a PDF
// written out by hand and a photographed one. Deterministic: the same text gives the same bytes.
#include <algorithm>

#include <QImage>
#include <QLocale>
#include <QPainter>

#include "base/images.h"
#include "demo/trainingdemotext.h"

namespace vigil::trainingtext {
namespace {

QString longDate(const QDate &date)
{
    return QLocale::c().toString(date, QStringLiteral("d MMMM yyyy"));
}

} // namespace

// A one-page PDF written out by hand (the standard Helvetica fonts need no embedding), so the
// bytes depend on nothing but the text: QPdfWriter would stamp the time it was made.
QByteArray certificatePdf(const CertificateText &c)
{
    auto escaped = [](const QString &text) {
        QByteArray bytes = text.toLatin1();
        bytes.replace('\\', "\\\\").replace('(', "\\(").replace(')', "\\)");
        return bytes;
    };
    struct Line
    {
        const char *font;
        int size;
        int y;
        QByteArray text;
    };
    const QList<Line> lines = {
        {"F2", 30, 470, "Certificate of Achievement"},
        {"F1", 14, 420, "This is to certify that"},
        {"F2", 24, 385, escaped(c.person)},
        {"F1", 14, 345, "has successfully completed"},
        {"F2", 20, 310, escaped(c.course)},
        {"F1", 14, 270, "on " + escaped(longDate(c.completed))},
        {"F1", 12, 240,
            c.expires.isValid() ? "Valid until " + escaped(longDate(c.expires))
                                : QByteArray("This certificate does not expire")},
        {"F1", 12, 150, "Trainer: " + escaped(c.trainer)},
        {"F1", 12, 130, escaped(c.provider)},
    };
    QByteArray content = "0.12 0.31 0.47 RG 4 w 30 30 782 535 re S 1 w 40 40 762 515 re S\n";
    for (const Line &line : lines) {
        // Centred by an estimate of Helvetica's average width (half the size per character).
        const int x = std::max(50, int(421 - line.text.size() * line.size * 0.26));
        content += QByteArray("BT /") + line.font + ' ' + QByteArray::number(line.size) + " Tf "
            + QByteArray::number(x) + ' ' + QByteArray::number(line.y) + " Td (" + line.text + ") Tj ET\n";
    }
    const QList<QByteArray> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
        "<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content + "endstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    };
    QByteArray pdf = "%PDF-1.4\n";
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        offsets.append(pdf.size());
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects.at(i) + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (qsizetype offset : offsets)
        pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n"
        + QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

// A photographed certificate, as an officer hands in on a phone.
QByteArray certificatePng(const CertificateText &c)
{
    QImage image(1000, 700, QImage::Format_RGB32);
    image.fill(QColor(236, 233, 226));
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        p.fillRect(QRect(40, 30, 920, 640), QColor(252, 251, 247));
        p.setPen(QPen(QColor(0x1f, 0x4e, 0x79), 8));
        p.drawRect(QRect(60, 50, 880, 600));
        p.setPen(QPen(QColor(0x4f, 0x9d, 0xd9), 2));
        p.drawRect(QRect(76, 66, 848, 568));
        auto text = [&p](int y, int size, bool bold, const QString &line) {
            QFont font(QStringLiteral("DejaVu Sans"));
            font.setPixelSize(size);
            font.setBold(bold);
            p.setFont(font);
            p.setPen(QColor(30, 30, 30));
            p.drawText(QRect(90, y, 820, size * 2), Qt::AlignHCenter | Qt::AlignVCenter, line);
        };
        text(100, 40, true, QStringLiteral("Certificate of Achievement"));
        text(185, 22, false, QStringLiteral("This is to certify that"));
        text(235, 38, true, c.person);
        text(310, 22, false, QStringLiteral("has successfully completed the"));
        text(355, 30, true, c.course);
        text(420, 22, false, QStringLiteral("on %1").arg(longDate(c.completed)));
        if (c.expires.isValid())
            text(460, 20, false, QStringLiteral("Valid until %1").arg(longDate(c.expires)));
        text(540, 18, false, c.trainer);
        text(575, 18, false, c.provider);
    }
    return toPng(image);
}

} // namespace vigil::trainingtext
