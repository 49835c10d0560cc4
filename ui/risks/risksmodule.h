#pragma once

#include "risks/riskspage.h"
#include "shell/pagemodule.h"

namespace vigil {

// The risk register and risk matrix (ISO 18788 risk assessment and treatment).
class RisksModule final : public PageModule<RisksPage>
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
