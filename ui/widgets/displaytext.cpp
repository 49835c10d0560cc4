#include "displaytext.h"

#include <QLocale>

namespace vigil {

QString shortDateTime(const QDateTime &moment)
{
    if (!moment.isValid())
        return {};
    const QLocale locale;
    return locale.toString(moment.toLocalTime(), locale.dateFormat(QLocale::ShortFormat) + QStringLiteral(" HH:mm"));
}

QString shortDate(const QDate &date, const QString &none)
{
    return date.isValid() ? QLocale().toString(date, QLocale::ShortFormat) : none;
}

QString elideWords(const QString &text, int maxChars)
{
    const QString line = text.simplified();
    if (line.size() <= maxChars)
        return line;
    QString cut = line.left(maxChars);
    const qsizetype space = cut.lastIndexOf(u' ');
    if (space > maxChars / 2)
        cut.truncate(space);
    while (!cut.isEmpty() && (cut.back().isPunct() || cut.back().isSpace()))
        cut.chop(1);
    return cut + QStringLiteral("…");
}

} // namespace vigil
