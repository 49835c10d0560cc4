#pragma once

#include <QComboBox>

namespace vigil {

class Database;

// Chooses a category or "Category › Subcategory" by typing any part of the name (the guard at
// 3 a.m. types "tailg", presses Tab and gets Access control breach › Tailgating).
class CategoryPicker : public QComboBox
{
    Q_OBJECT

public:
    explicit CategoryPicker(Database &db, QWidget *parent = nullptr);

    void reload();
    void select(qint64 categoryId, qint64 subcategoryId);
    qint64 categoryId() const;
    qint64 subcategoryId() const;
    // True when what is typed names an entry.
    bool hasChoice() const;

signals:
    void choiceChanged();

protected:
    void focusOutEvent(QFocusEvent *event) override;
    // Tab while the completion list is open never reaches focusOutEvent.
    bool focusNextPrevChild(bool next) override;

private:
    // When what is typed names exactly one entry ("tailg"), choose it on leaving the field.
    void chooseTyped();

    Database &m_db;
};

} // namespace vigil
