// Fills the {name}s of the incident demo's templates (see incidentdemotext.h): each name gets
// its value once per incident, from the demo's seeded random source.
#include <QTimeZone>

#include "demo/incidentdemotext.h"

namespace vigil::demotext {
namespace {

QString latin1(const char *text)
{
    return QString::fromLatin1(text);
}

} // namespace

QDateTime siteTime(qint64 msecs)
{
    static const QTimeZone london(QByteArrayLiteral("Europe/London"));
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
    return london.isValid() ? t.toTimeZone(london) : t;
}

Filler::Filler(DemoRandom &random, Area area, qint64 occurred, qint64 reported)
    : m_random(random)
    , m_area(area)
    , m_occurred(occurred)
    , m_reported(reported)
{
    const AreaText &a = areas().at(area);
    m_areaName = latin1(a.name);
    m_areaName[0] = m_areaName[0].toLower();
    m_location = fill(m_random.pick(a.locations), false);
}

QString Filler::fill(const char *text, bool capital)
{
    const QLatin1String t(text);
    QString out;
    out.reserve(t.size() + 32);
    qsizetype i = 0;
    while (i < t.size()) {
        const qsizetype open = t.indexOf(u'{', i);
        const qsizetype close = open < 0 ? -1 : t.indexOf(u'}', open);
        if (close < 0) {
            out += t.mid(i);
            break;
        }
        out += t.mid(i, open - i);
        out += value(QString(t.mid(open + 1, close - open - 1)));
        i = close + 1;
    }
    if (capital && !out.isEmpty())
        out[0] = out[0].toUpper();
    return out;
}

QString Filler::value(const QString &key)
{
    auto it = m_values.constFind(key);
    if (it == m_values.constEnd())
        it = m_values.insert(key, make(key));
    return it.value();
}

QString Filler::location() const
{
    QString l = m_location;
    if (!l.isEmpty())
        l[0] = l[0].toUpper();
    return l;
}

QString Filler::from(const QList<const char *> &list)
{
    return latin1(m_random.pick(list));
}

QString Filler::number(qint64 low, qint64 high)
{
    return QString::number(m_random.between(low, high));
}

QString Filler::name()
{
    return from(words().firstNames) + u' ' + from(words().lastNames);
}

QString Filler::other(const QString &key, const std::function<QString()> &make)
{
    const QString first = value(key);
    QString v = make();
    for (int tries = 0; v == first && tries < 8; ++tries)
        v = make();
    return v;
}

QString Filler::registration()
{
    static const char letters[] = "ABCDEFGHJKLMNOPRSTVWXY";
    auto letter = [this] { return QLatin1Char(letters[m_random.between(0, sizeof(letters) - 2)]); };
    const qint64 year = m_random.between(15, 25) + (m_random.chance(0.5) ? 50 : 0);
    return QString() + letter() + letter() + QString::number(year) + u' ' + letter() + letter() + letter();
}

QString Filler::make(const QString &key)
{
    const Words &w = words();
    if (key == u"guard")
        return from(w.guards);
    if (key == u"guard2")
        return other(QStringLiteral("guard"), [&] { return from(w.guards); });
    if (key == u"staff" || key == u"driver" || key == u"person")
        return name();
    if (key == u"staff2")
        return other(QStringLiteral("staff"), [&] { return name(); });
    if (key == u"where") {
        // "in the canteen", "at Dock 7", "by the rail siding"
        const QString place = m_location.isEmpty() ? m_areaName : m_location;
        return place.at(0).isLower() && !place.startsWith(QLatin1String("the "))
            ? QStringLiteral("the ") + place
            : place;
    }
    if (key == u"area")
        return m_areaName;
    if (key == u"time")
        return siteTime(m_occurred).toString(QStringLiteral("HH:mm"));
    if (key == u"rtime")
        return siteTime(m_reported).toString(QStringLiteral("HH:mm"));
    if (key == u"carrier")
        return from(w.carriers);
    if (key == u"contractor")
        return from(w.contractors);
    if (key == u"goods")
        return from(w.goods);
    if (key == u"vehicle")
        return from(w.vehicles);
    if (key == u"car")
        return from(w.cars);
    if (key == u"colour")
        return from(w.colours);
    if (key == u"item")
        return from(w.items);
    if (key == u"clothing")
        return from(w.clothing);
    if (key == u"section")
        return from(w.fenceSections);
    if (key == u"door")
        return from(w.doors);
    if (key == u"reg")
        return registration();
    if (key == u"reg2")
        return other(QStringLiteral("reg"), [this] { return registration(); });
    if (key == u"trailer")
        return u'T' + number(1000, 9899);
    if (key == u"seal")
        return number(1000000, 9999999);
    if (key == u"badge")
        return number(40000, 49999);
    if (key == u"dock")
        return m_area == GoodsOut ? number(13, 24) : number(1, 12);
    if (key == u"aisle")
        return m_area == ZoneB ? number(39, 60) : number(1, 38);
    if (key == u"bay")
        return number(1, 60);
    if (key == u"row")
        return QString(QLatin1Char(char('A' + m_random.between(0, 7))));
    if (key == u"post")
        return number(100, 480);
    if (key == u"cam")
        return QStringLiteral("%1").arg(m_random.between(1, 64), 2, 10, QLatin1Char('0'));
    if (key == u"cam2")
        return other(QStringLiteral("cam"),
            [this] { return QStringLiteral("%1").arg(m_random.between(1, 64), 2, 10, QLatin1Char('0')); });
    if (key == u"zone")
        return number(1, 48);
    if (key == u"turnstile")
        return number(1, 4);
    if (key == u"n")
        return number(1, 8);
    if (key == u"minutes")
        return number(3, 25);
    if (key == u"cartons")
        return number(2, 40);
    if (key == u"age")
        return number(19, 58);
    return u'{' + key + u'}'; // a name the templates should not use: visible, and tested for
}

} // namespace vigil::demotext
