#pragma once

#include "incidents/incidentspage.h"
#include "shell/pagemodule.h"

namespace vigil {

// The incident log (ISO 18788 incident management: detection, containment, recovery, lessons).
class IncidentsModule final : public PageModule<IncidentsPage>
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
