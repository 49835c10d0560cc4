// Evidence photos for the incident demo, drawn rather than shipped: a CCTV still with its
// timestamp, a cut fence, a forced door, bent racking, graffiti, a ceiling leak and a slashed
// trailer curtain. Deterministic: the same caption gives the same bytes.
#include <QImage>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>

#include "base/images.h"
#include "demo/incidentdemotext.h"

namespace vigil::demotext {
namespace {

constexpr int width = 800;
constexpr int height = 600;

// Sensor grain from a fixed sequence, so the picture never depends on anything but its caption.
void addGrain(QImage &image, int amount)
{
    quint32 state = 0x9e3779b9u;
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            state = state * 1664525u + 1013904223u;
            const int n = int((state >> 24) % quint32(2 * amount + 1)) - amount;
            const QRgb p = line[x];
            line[x] = qRgb(
                qBound(0, qRed(p) + n, 255), qBound(0, qGreen(p) + n, 255), qBound(0, qBlue(p) + n, 255));
        }
    }
}

void drawCctv(QPainter &p)
{
    p.fillRect(0, 0, width, height, QColor(38, 42, 40));
    p.fillRect(0, 330, width, 270, QColor(58, 60, 56)); // yard surface
    // Trailers in perspective along the bays.
    for (int i = 0; i < 4; ++i) {
        const int x = 40 + i * 190;
        p.fillRect(x, 170 + i * 8, 150, 170 - i * 8, QColor(150 - i * 12, 152 - i * 12, 150 - i * 12));
        p.fillRect(x + 6, 330, 24, 18, QColor(20, 20, 20));
        p.fillRect(x + 116, 330, 24, 18, QColor(20, 20, 20));
    }
    // A lamp column and its pool of light.
    p.setPen(QPen(QColor(90, 90, 90), 6));
    p.drawLine(700, 60, 700, 420);
    QRadialGradient light(700, 420, 180);
    light.setColorAt(0, QColor(220, 220, 190, 120));
    light.setColorAt(1, QColor(220, 220, 190, 0));
    p.fillRect(500, 240, 400, 360, light);
    // A figure between the trailers.
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(18, 18, 18));
    p.drawEllipse(QPointF(458, 268), 11, 13);
    p.drawRoundedRect(QRectF(444, 282, 28, 62), 8, 8);
    p.drawRect(QRectF(447, 340, 9, 40));
    p.drawRect(QRectF(460, 340, 9, 40));
}

void drawFence(QPainter &p)
{
    p.fillRect(0, 0, width, height, QColor(150, 180, 205));
    p.fillRect(0, 380, width, 220, QColor(92, 128, 62));
    p.setPen(QPen(QColor(40, 70, 45), 3));
    for (int x = -20; x < width; x += 26)
        p.drawLine(x, 60, x, 470);
    for (int y = 60; y < 470; y += 52)
        p.drawLine(0, y, width, y);
    p.setPen(QPen(QColor(30, 55, 35), 14));
    p.drawLine(110, 40, 110, 500);
    p.drawLine(690, 40, 690, 500);
    // The cut: a ragged hole through the mesh.
    QPainterPath hole;
    hole.moveTo(330, 250);
    hole.lineTo(470, 236);
    hole.lineTo(488, 420);
    hole.lineTo(316, 430);
    hole.closeSubpath();
    p.fillPath(hole, QColor(96, 130, 66));
    p.setPen(QPen(QColor(170, 170, 160), 2));
    for (int y = 250; y < 430; y += 26) {
        p.drawLine(330, y, 342, y + 9);
        p.drawLine(476, y, 466, y + 11);
    }
}

void drawDoor(QPainter &p)
{
    p.fillRect(0, 0, width, height, QColor(190, 192, 186)); // cladding
    p.setPen(QPen(QColor(170, 172, 166), 2));
    for (int y = 0; y < height; y += 40)
        p.drawLine(0, y, width, y);
    p.fillRect(250, 70, 300, 530, QColor(44, 80, 130));
    p.setPen(QPen(QColor(30, 30, 30), 4));
    p.drawRect(250, 70, 300, 530);
    p.fillRect(500, 320, 30, 60, QColor(160, 160, 160)); // lock
    // Pry marks and the bent keep.
    p.setPen(QPen(QColor(210, 210, 200), 3));
    for (int i = 0; i < 5; ++i)
        p.drawLine(540, 300 + i * 22, 560, 310 + i * 22);
    p.setPen(QPen(QColor(120, 120, 120), 6));
    p.drawPolyline(QPolygonF({QPointF(552, 330), QPointF(570, 340), QPointF(566, 380)}));
}

void drawRacking(QPainter &p)
{
    p.fillRect(0, 0, width, height, QColor(205, 205, 200));
    p.fillRect(0, 520, width, 80, QColor(150, 150, 145));
    p.setPen(Qt::NoPen);
    for (int x : {80, 380, 680})
        p.fillRect(x, 0, 36, 520, QColor(30, 70, 160)); // uprights
    for (int y : {120, 300, 470})
        p.fillRect(80, y, 636, 18, QColor(230, 110, 20)); // beams
    // The struck upright, bent at knee height, with scraped paint.
    p.fillRect(380, 380, 36, 140, QColor(205, 205, 200));
    QPainterPath bend;
    bend.moveTo(380, 380);
    bend.cubicTo(360, 420, 350, 460, 372, 520);
    bend.lineTo(408, 520);
    bend.cubicTo(386, 460, 396, 420, 416, 380);
    bend.closeSubpath();
    p.fillPath(bend, QColor(30, 70, 160));
    p.setPen(QPen(QColor(220, 220, 220), 3));
    p.drawLine(366, 440, 384, 470);
    p.drawLine(372, 430, 392, 462);
}

void drawGraffiti(QPainter &p)
{
    p.fillRect(0, 0, width, height, QColor(160, 166, 168));
    p.setPen(QPen(QColor(140, 146, 148), 3));
    for (int x = 0; x < width; x += 60)
        p.drawLine(x, 0, x, height);
    p.fillRect(0, 500, width, 100, QColor(80, 80, 78));
    const QColor colours[] = {QColor(200, 30, 60), QColor(30, 30, 30), QColor(40, 160, 200)};
    for (int i = 0; i < 3; ++i) {
        QPainterPath tag;
        const int y = 180 + i * 90;
        tag.moveTo(120 + i * 40, y);
        for (int s = 0; s < 6; ++s)
            tag.cubicTo(
                170 + s * 90 + i * 20, y - 80, 200 + s * 90, y + 80, 240 + s * 90 + i * 10, y - (s % 2) * 30);
        p.setPen(QPen(colours[i], 14 - i * 3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPath(tag);
    }
}

void drawLeak(QPainter &p)
{
    p.fillRect(0, 0, width, height, QColor(236, 234, 226));
    p.setPen(QPen(QColor(190, 190, 184), 3));
    for (int x = 0; x < width; x += 120)
        p.drawLine(x, 0, x, 360);
    for (int y = 0; y < 360; y += 120)
        p.drawLine(0, y, width, y);
    p.fillRect(0, 360, width, 240, QColor(120, 120, 130)); // carpet
    QRadialGradient stain(420, 170, 150);
    stain.setColorAt(0, QColor(150, 120, 70, 200));
    stain.setColorAt(0.7, QColor(180, 150, 100, 120));
    stain.setColorAt(1, QColor(236, 234, 226, 0));
    p.fillRect(240, 20, 360, 320, stain);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(230, 200, 40));
    p.drawRect(380, 450, 90, 80); // bucket
    p.setBrush(QColor(90, 110, 150, 160));
    p.drawEllipse(QPointF(425, 535), 150, 22);
    p.setBrush(QColor(120, 150, 190));
    for (int i = 0; i < 4; ++i)
        p.drawEllipse(QPointF(424, 250 + i * 50), 5, 9);
}

void drawCurtain(QPainter &p)
{
    p.fillRect(0, 0, width, height, QColor(120, 140, 160));
    p.fillRect(0, 480, width, 120, QColor(70, 70, 68));
    p.fillRect(60, 90, 680, 380, QColor(30, 90, 60)); // curtain side
    p.setPen(QPen(QColor(20, 70, 45), 3));
    for (int x = 100; x < 740; x += 80)
        p.drawLine(x, 90, x, 470); // straps
    // The slash, with cartons visible behind it.
    QPainterPath slash;
    slash.moveTo(180, 240);
    slash.cubicTo(320, 220, 460, 250, 620, 236);
    slash.cubicTo(460, 290, 320, 280, 180, 240);
    p.fillPath(slash, QColor(170, 130, 80));
    p.setPen(QPen(QColor(120, 90, 50), 2));
    for (int x = 220; x < 600; x += 60)
        p.drawLine(x, 238, x, 272);
}

} // namespace

QByteArray photo(Photo kind, const QString &caption)
{
    QImage image(width, height, QImage::Format_RGB32);
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        switch (kind) {
        case Photo::CctvStill:
            drawCctv(p);
            break;
        case Photo::Fence:
            drawFence(p);
            break;
        case Photo::Door:
            drawDoor(p);
            break;
        case Photo::Racking:
            drawRacking(p);
            break;
        case Photo::Graffiti:
            drawGraffiti(p);
            break;
        case Photo::Leak:
            drawLeak(p);
            break;
        case Photo::Curtain:
            drawCurtain(p);
            break;
        }
    }
    addGrain(image, kind == Photo::CctvStill ? 10 : 3);
    QPainter p(&image);
    QFont font(QStringLiteral("DejaVu Sans Mono"));
    font.setStyleHint(QFont::Monospace);
    if (kind == Photo::CctvStill) {
        font.setPixelSize(22);
        p.setFont(font);
        p.fillRect(0, 0, width, 34, QColor(0, 0, 0, 150));
        p.setPen(Qt::white);
        p.drawText(QRect(12, 0, width - 24, 34), Qt::AlignVCenter | Qt::AlignLeft, caption);
    } else {
        font.setPixelSize(16);
        p.setFont(font);
        p.setPen(QColor(255, 160, 40));
        p.drawText(QRect(0, height - 30, width - 14, 24), Qt::AlignVCenter | Qt::AlignRight, caption);
    }
    p.end();
    return toPng(image);
}

} // namespace vigil::demotext
