#pragma once

#include "shell/pagemodule.h"
#include "training/trainingpage.h"

namespace vigil {

// Training and competence (ISO 18788: competence, training and awareness of personnel).
class TrainingModule final : public PageModule<TrainingPage>
{
public:
    using PageModule::PageModule;

    QString id() const override;
    QString title() const override;
    QIcon icon() const override;
    QList<OverviewFigure> overviewFigures() const override;
    QList<AttentionItem> attentionItems(const QDate &today) const override;
    QString entityTitle(const QString &entity) const override;
    QString recordLabel(const QString &entity, const QString &uuid) const override;
    QString fieldTitle(const QString &entity, const QString &field) const override;
};

} // namespace vigil
