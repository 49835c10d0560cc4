#pragma once

#include "incidents/incident.h"

#include <QWidget>

class QTableWidget;

namespace vigil {

// The people involved in an incident: name, role (victim, witness, suspect, staff) and details.
class PersonsEditor : public QWidget
{
    Q_OBJECT

public:
    explicit PersonsEditor(QWidget *parent = nullptr);
    void setPersons(const QList<InvolvedPerson> &persons);
    QList<InvolvedPerson> persons() const;

signals:
    void edited();

private:
    void addRow(const InvolvedPerson &person);
    QTableWidget *m_table;
};

} // namespace vigil
