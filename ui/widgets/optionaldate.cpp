#include "optionaldate.h"

#include <QDateEdit>

namespace vigil {
namespace {

const QDate noDate(2000, 1, 1);

} // namespace

void makeDateOptional(QDateEdit *edit, const QString &noneText)
{
    edit->setCalendarPopup(true);
    edit->setMinimumDate(noDate);
    edit->setSpecialValueText(noneText);
}

void setOptionalDate(QDateEdit *edit, const QDate &date)
{
    edit->setDate(date.isValid() ? date : noDate);
}

QDate optionalDate(const QDateEdit *edit)
{
    return edit->date() == noDate ? QDate() : edit->date();
}

} // namespace vigil
