#pragma once

#include "actions/actionspage.h"
#include "shell/pagemodule.h"

namespace vigil {

// Corrective actions from every source (ISO 18788 improvement: nonconformity and corrective action).
class ActionsModule final : public PageModule<ActionsPage>
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
