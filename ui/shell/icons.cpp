#include "icons.h"

#include <QFile>
#include <QGuiApplication>
#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QPixmapCache>
#include <QSvgRenderer>

namespace vigil {
namespace {

class TintedSvgEngine final : public QIconEngine
{
public:
    TintedSvgEngine(QString name, QByteArray svg)
        : m_name(std::move(name))
        , m_svg(std::move(svg))
    {
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        Q_UNUSED(state);
        QSvgRenderer renderer(tinted(mode));
        renderer.render(painter, rect);
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        Q_UNUSED(state);
        const QSize device = size * scale;
        const QString key = QStringLiteral("vigil-icon:%1:%2x%3:%4:%5")
                                .arg(m_name)
                                .arg(device.width())
                                .arg(device.height())
                                .arg(int(mode))
                                .arg(colour(mode).name());
        QPixmap pm;
        if (QPixmapCache::find(key, &pm))
            return pm;
        pm = QPixmap(device);
        pm.fill(Qt::transparent);
        {
            QPainter p(&pm);
            QSvgRenderer renderer(tinted(mode));
            renderer.render(&p, QRectF(QPointF(0, 0), QSizeF(device)));
        }
        pm.setDevicePixelRatio(scale);
        QPixmapCache::insert(key, pm);
        return pm;
    }

    QIconEngine *clone() const override { return new TintedSvgEngine(m_name, m_svg); }
    QString key() const override { return QStringLiteral("vigil-tinted-svg"); }
    QString iconName() override { return m_name; }

private:
    static QColor colour(QIcon::Mode mode)
    {
        const QPalette palette = QGuiApplication::palette();
        switch (mode) {
        case QIcon::Disabled:
            return palette.color(QPalette::Disabled, QPalette::WindowText);
        case QIcon::Selected:
            return palette.color(QPalette::Active, QPalette::HighlightedText);
        default:
            return palette.color(QPalette::Active, QPalette::WindowText);
        }
    }

    QByteArray tinted(QIcon::Mode mode) const
    {
        QByteArray svg = m_svg;
        return svg.replace("currentColor", colour(mode).name().toLatin1());
    }

    QString m_name;
    QByteArray m_svg;
};

QByteArray readIcon(const QString &name)
{
    QFile file(QStringLiteral(":/icons/%1.svg").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing icon resource: %s", qPrintable(name));
    return file.readAll();
}

} // namespace

QIcon themedIcon(const QString &name)
{
    static QHash<QString, QIcon> cache;
    auto it = cache.find(name);
    if (it == cache.end())
        it = cache.insert(name, QIcon(new TintedSvgEngine(name, readIcon(name))));
    return *it;
}

QIcon applicationIcon()
{
    return QIcon(QStringLiteral(":/icons/vigil.svg"));
}

} // namespace vigil
