#include "personseditor.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vigil {

PersonsEditor::PersonsEditor(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 3, this))
{
    m_table->setObjectName(QStringLiteral("personsTable"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Role"), tr("Details")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setMinimumHeight(m_table->fontMetrics().height() * 6);
    auto *add = new QPushButton(tr("Add &Person"), this);
    add->setObjectName(QStringLiteral("addPerson"));
    auto *remove = new QPushButton(tr("Remove"), this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    layout->addLayout(buttons);
    connect(add, &QPushButton::clicked, this, [this] {
        addRow({});
        m_table->setCurrentCell(m_table->rowCount() - 1, 0);
        m_table->editItem(m_table->item(m_table->rowCount() - 1, 0));
        emit edited();
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_table->currentRow() >= 0) {
            m_table->removeRow(m_table->currentRow());
            emit edited();
        }
    });
    connect(m_table, &QTableWidget::itemChanged, this, &PersonsEditor::edited);
}

void PersonsEditor::addRow(const InvolvedPerson &person)
{
    const QSignalBlocker blocker(m_table);
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem(person.name));
    auto *role = new QComboBox(m_table);
    for (InvolvedRole r : allInvolvedRoles)
        role->addItem(involvedRoleTitle(r), int(r));
    role->setCurrentIndex(role->findData(int(person.role)));
    connect(role, &QComboBox::currentIndexChanged, this, &PersonsEditor::edited);
    m_table->setCellWidget(row, 1, role);
    m_table->setItem(row, 2, new QTableWidgetItem(person.details));
}

void PersonsEditor::setPersons(const QList<InvolvedPerson> &persons)
{
    m_table->setRowCount(0);
    for (const InvolvedPerson &person : persons)
        addRow(person);
}

QList<InvolvedPerson> PersonsEditor::persons() const
{
    QList<InvolvedPerson> list;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        InvolvedPerson p;
        p.name = m_table->item(row, 0) ? m_table->item(row, 0)->text().trimmed() : QString();
        if (auto *role = qobject_cast<QComboBox *>(m_table->cellWidget(row, 1)))
            p.role = InvolvedRole(role->currentData().toInt());
        p.details = m_table->item(row, 2) ? m_table->item(row, 2)->text().trimmed() : QString();
        if (!p.name.isEmpty() || !p.details.isEmpty())
            list.append(p);
    }
    return list;
}

} // namespace vigil
