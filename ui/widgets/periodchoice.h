#pragma once

#include "kpi/period.h"

class QComboBox;
class QDate;

namespace vigil {

// The periods a user picks from, the same in every window: this or last month, quarter or year,
// or a range of days. The combo box's data is the choice; custom ranges take the two days.
void fillPeriodChoices(QComboBox *combo);
bool isCustomPeriod(const QComboBox *combo);
// The period chosen as of today; a range picked the wrong way round is read the right way round.
Period chosenPeriod(const QComboBox *combo, const QDate &from, const QDate &to, const QDate &today);

} // namespace vigil
