#include "demo/democontext.h"

#include "base/clock.h"
#include "base/images.h"
#include "site/siteprofile.h"
#include "storage/database.h"

#include <QImage>
#include <QPainter>
#include <QPainterPath>

namespace vigil {
namespace {

// A simple shield mark drawn with shapes only, so it needs no fonts on a headless machine.
QByteArray demoLogo()
{
    QImage image(256, 256, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        QPainterPath shield;
        shield.moveTo(128, 16);
        shield.cubicTo(170, 40, 206, 44, 232, 44);
        shield.cubicTo(232, 140, 196, 204, 128, 240);
        shield.cubicTo(60, 204, 24, 140, 24, 44);
        shield.cubicTo(50, 44, 86, 40, 128, 16);
        p.fillPath(shield, QColor(0x1f, 0x4e, 0x79));
        QPainterPath inner;
        inner.moveTo(128, 44);
        inner.cubicTo(160, 62, 186, 66, 204, 66);
        inner.cubicTo(204, 138, 176, 186, 128, 212);
        inner.closeSubpath();
        p.fillPath(inner, QColor(0x4f, 0x9d, 0xd9));
        p.setPen(QPen(Qt::white, 14, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolyline(QPolygonF({QPointF(82, 128), QPointF(116, 162), QPointF(176, 96)}));
    }
    return toPng(image);
}

} // namespace

void generateSiteDemo(DemoContext &context)
{
    context.setNow(context.startDate(), QTime(9, 12));
    SiteProfile profile;
    profile.name = QStringLiteral("Northgate Distribution Centre");
    profile.address = QStringLiteral("Unit 7, Northgate Logistics Park\nHarrow Lane\nKettering NN15 6XR\n"
                                     "United Kingdom");
    profile.logoPng = demoLogo();
    profile.paperSize = PaperSize::A4;
    SiteRepository(context.db).save(profile);
}

} // namespace vigil
