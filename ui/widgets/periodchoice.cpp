#include "periodchoice.h"

#include <QComboBox>
#include <QCoreApplication>

#include <algorithm>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::PeriodChoice)
};

enum class Choice { ThisMonth, LastMonth, ThisQuarter, LastQuarter, ThisYear, LastYear, Custom };

} // namespace

void fillPeriodChoices(QComboBox *combo)
{
    combo->clear();
    combo->addItem(Text::tr("This month"), int(Choice::ThisMonth));
    combo->addItem(Text::tr("Last month"), int(Choice::LastMonth));
    combo->addItem(Text::tr("This quarter"), int(Choice::ThisQuarter));
    combo->addItem(Text::tr("Last quarter"), int(Choice::LastQuarter));
    combo->addItem(Text::tr("This year"), int(Choice::ThisYear));
    combo->addItem(Text::tr("Last year"), int(Choice::LastYear));
    combo->addItem(Text::tr("Custom range"), int(Choice::Custom));
    combo->setCurrentIndex(1); // the last whole month, as management reviews it
}

bool isCustomPeriod(const QComboBox *combo)
{
    return Choice(combo->currentData().toInt()) == Choice::Custom;
}

Period chosenPeriod(const QComboBox *combo, const QDate &from, const QDate &to, const QDate &today)
{
    switch (Choice(combo->currentData().toInt())) {
    case Choice::ThisMonth:
        return Period::containing(Period::Kind::Month, today);
    case Choice::LastMonth:
        return Period::containing(Period::Kind::Month, today).previous();
    case Choice::ThisQuarter:
        return Period::containing(Period::Kind::Quarter, today);
    case Choice::LastQuarter:
        return Period::containing(Period::Kind::Quarter, today).previous();
    case Choice::ThisYear:
        return Period::containing(Period::Kind::Year, today);
    case Choice::LastYear:
        return Period::containing(Period::Kind::Year, today).previous();
    case Choice::Custom:
        break;
    }
    return Period::custom(std::min(from, to), std::max(from, to));
}

} // namespace vigil
