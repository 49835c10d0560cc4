#pragma once

#include <QDateTime>
#include <QString>

namespace vigil {

// Stored timestamps are UTC in ISO 8601 with milliseconds and a trailing Z, so they sort as text.
QString toStoredUtc(const QDateTime &dateTime);
QDateTime fromStoredUtc(const QString &text);

// Stored dates are ISO 8601 calendar dates (yyyy-MM-dd).
QString toStoredDate(const QDate &date);
QDate fromStoredDate(const QString &text);

// Parses a command-line date (yyyy-MM-dd); returns an invalid date for anything else,
// including impossible dates such as 2026-02-30.
QDate parseIsoDate(const QString &text);

} // namespace vigil
