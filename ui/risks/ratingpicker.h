#pragma once

#include "risks/risk.h"
#include "risks/riskcriteria.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace vigil {

class HeatMapWidget;

// Picks a rating by clicking a cell of a small matrix; says what was picked in words.
class RatingPicker : public QWidget
{
    Q_OBJECT

public:
    RatingPicker(const QString &title, bool optional, QWidget *parent = nullptr);

    void setCriteria(const RiskCriteria &criteria);
    void setRating(const Rating &rating);
    Rating rating() const;
    HeatMapWidget *matrix() const { return m_matrix; }

signals:
    void ratingChanged();

private:
    void describe();

    HeatMapWidget *m_matrix;
    QLabel *m_description;
    QPushButton *m_clear = nullptr;
};

} // namespace vigil
