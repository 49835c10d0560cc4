#pragma once

#include <QDate>

class QDateEdit;
class QString;

namespace vigil {

// A QDateEdit that can also say "no date": its lowest date stands for none and shows noneText
// (a review date not set, an action without a due date, a person who has not left).
void makeDateOptional(QDateEdit *edit, const QString &noneText);
void setOptionalDate(QDateEdit *edit, const QDate &date); // an invalid date: none
QDate optionalDate(const QDateEdit *edit);                // none: an invalid date

} // namespace vigil
