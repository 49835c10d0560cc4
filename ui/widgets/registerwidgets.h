#pragma once

#include <QVariant>

class QComboBox;
class QTableView;
class QWidget;

namespace vigil {

// Small pieces every register page (risks, incidents, actions ...) is made of.

// A combo box for the filter bar, as wide as its longest entry.
QComboBox *filterCombo(const QString &objectName, QWidget *parent);
// Selects the entry with this data, or the first entry.
void selectData(QComboBox *combo, const QVariant &data);
// A register table: whole rows selected, sorting by the header, fixed row height (so a model of
// 100,000 rows never has to measure them), no editing in place.
void setupRegisterTable(QTableView *table, const QString &objectName);

} // namespace vigil
