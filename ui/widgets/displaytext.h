#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

namespace vigil {

// How times and texts are shown everywhere in the window.

// A moment in the user's local time: the locale's short date and the time to the minute
// ("22 Nov 2026 05:12"); seconds are noise in a log.
QString shortDateTime(const QDateTime &moment);

// A day in the locale's short form ("24 Nov 2026"); none for an invalid date.
QString shortDate(const QDate &date, const QString &none = {});

// The text on one line, cut after a whole word with an ellipsis when longer than maxChars
// ("… in Charging bay 5. The…" rather than "… in Charging bay 5. The dete").
QString elideWords(const QString &text, int maxChars);

} // namespace vigil
