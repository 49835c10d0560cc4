#include "categorypicker.h"

#include "incidents/incidentcatalogues.h"

#include <QCompleter>
#include <QHash>
#include <QLineEdit>

namespace vigil {

CategoryPicker::CategoryPicker(Database &db, QWidget *parent)
    : QComboBox(parent)
    , m_db(db)
{
    setEditable(true);
    // Not as wide as the longest "Category › Subcategory": forms stay narrow.
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(24);
    setInsertPolicy(QComboBox::NoInsert);
    completer()->setFilterMode(Qt::MatchContains);
    completer()->setCompletionMode(QCompleter::PopupCompletion);
    completer()->setCaseSensitivity(Qt::CaseInsensitive);
    lineEdit()->setPlaceholderText(tr("Type to find a category"));
    connect(this, &QComboBox::currentIndexChanged, this, &CategoryPicker::choiceChanged);
    // A long "Category › Subcategory" shows its beginning, not its last letters, once chosen,
    // and says itself in full when the field is too narrow for it.
    connect(this, &QComboBox::currentIndexChanged, this, [this] {
        if (!lineEdit()->hasFocus())
            lineEdit()->setCursorPosition(0);
        setToolTip(currentIndex() >= 0 ? itemText(currentIndex()) : QString());
    });
    connect(lineEdit(), &QLineEdit::textChanged, this, &CategoryPicker::choiceChanged);
    connect(lineEdit(), &QLineEdit::editingFinished, this, &CategoryPicker::chooseTyped);
    reload();
}

void CategoryPicker::reload()
{
    const qint64 category = categoryId();
    const qint64 subcategory = subcategoryId();
    const QSignalBlocker blocker(this);
    clear();
    const QList<IncidentCategory> all = CategoryRepository(m_db).list();
    QHash<qint64, QString> names;
    for (const IncidentCategory &c : all) {
        if (c.parentId == 0)
            names.insert(c.id, c.name);
    }
    // Each category, then its subcategories under it.
    for (const IncidentCategory &parent : all) {
        if (parent.parentId != 0)
            continue;
        addItem(parent.name, QVariantList {parent.id, 0});
        for (const IncidentCategory &sub : all) {
            if (sub.parentId == parent.id)
                addItem(tr("%1 › %2").arg(parent.name, sub.name), QVariantList {parent.id, sub.id});
        }
    }
    setCurrentIndex(-1);
    if (category > 0)
        select(category, subcategory);
}

void CategoryPicker::select(qint64 categoryId, qint64 subcategoryId)
{
    for (int i = 0; i < count(); ++i) {
        const QVariantList ids = itemData(i).toList();
        if (ids.value(0).toLongLong() == categoryId && ids.value(1).toLongLong() == subcategoryId) {
            setCurrentIndex(i);
            lineEdit()->setCursorPosition(0);
            return;
        }
    }
    setCurrentIndex(-1);
}

void CategoryPicker::focusOutEvent(QFocusEvent *event)
{
    chooseTyped();
    QComboBox::focusOutEvent(event);
}

bool CategoryPicker::focusNextPrevChild(bool next)
{
    chooseTyped();
    return QComboBox::focusNextPrevChild(next);
}

void CategoryPicker::chooseTyped()
{
    const QString typed = currentText().trimmed();
    if (typed.isEmpty() || hasChoice())
        return;
    int found = -1;
    for (int i = 0; i < count(); ++i) {
        const QString name = itemText(i);
        if (name.compare(typed, Qt::CaseInsensitive) == 0) {
            found = i;
            break;
        }
        if (name.contains(typed, Qt::CaseInsensitive)) {
            if (found >= 0)
                return; // more than one: leave the choice to the user
            found = i;
        }
    }
    if (found >= 0)
        setCurrentIndex(found);
}

bool CategoryPicker::hasChoice() const
{
    return currentIndex() >= 0 && itemText(currentIndex()) == currentText();
}

qint64 CategoryPicker::categoryId() const
{
    return hasChoice() ? currentData().toList().value(0).toLongLong() : 0;
}

qint64 CategoryPicker::subcategoryId() const
{
    return hasChoice() ? currentData().toList().value(1).toLongLong() : 0;
}

} // namespace vigil
