#include "ratingpicker.h"

#include "risks/heatmapwidget.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigil {

RatingPicker::RatingPicker(const QString &title, bool optional, QWidget *parent)
    : QWidget(parent)
    , m_matrix(new HeatMapWidget(true, this))
    , m_description(new QLabel(this))
{
    auto *heading = new QLabel(title, this);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    heading->setBuddy(m_matrix);
    m_description->setWordWrap(true);
    m_description->setObjectName(QStringLiteral("ratingDescription"));

    auto *top = new QHBoxLayout;
    top->addWidget(heading, 1);
    if (optional) {
        m_clear = new QPushButton(tr("Clear"), this);
        m_clear->setObjectName(QStringLiteral("clearRating"));
        m_clear->setFlat(true);
        top->addWidget(m_clear);
        connect(m_clear, &QPushButton::clicked, this, [this] {
            m_matrix->setSelectedCell(0, 0);
            describe();
            emit ratingChanged();
        });
    }
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(m_matrix, 0, Qt::AlignLeft);
    layout->addWidget(m_description);
    connect(m_matrix, &HeatMapWidget::cellActivated, this, [this] {
        describe();
        emit ratingChanged();
    });
    describe();
}

void RatingPicker::setCriteria(const RiskCriteria &criteria)
{
    m_matrix->setCriteria(criteria);
    m_matrix->setFixedSize(m_matrix->sizeHint());
    describe();
}

void RatingPicker::setRating(const Rating &rating)
{
    m_matrix->setSelectedCell(rating.likelihood, rating.impact);
    describe();
}

Rating RatingPicker::rating() const
{
    const RiskCriteria &c = m_matrix->criteria();
    Rating r {m_matrix->selectedLikelihood(), m_matrix->selectedImpact(), -1};
    if (r.isSet())
        r.level = c.levelAt(r.likelihood, r.impact);
    return r;
}

void RatingPicker::describe()
{
    const Rating r = rating();
    const RiskCriteria &c = m_matrix->criteria();
    if (!r.isSet() || r.level < 0) {
        m_description->setText(tr("Not rated: click a cell (likelihood up, impact across)."));
        if (m_clear)
            m_clear->setEnabled(false);
        return;
    }
    m_description->setText(tr("%1 x %2: <b>%3</b>")
                               .arg(c.likelihood.at(r.likelihood - 1).label, c.impact.at(r.impact - 1).label,
                                   c.levels.at(r.level).name.toHtmlEscaped()));
    m_description->setToolTip(c.levels.at(r.level).response);
    if (m_clear)
        m_clear->setEnabled(true);
}

} // namespace vigil
