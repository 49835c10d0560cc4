#pragma once

#include "shell/module.h"

#include <QPointer>

namespace vigil {

class SitePage;

// The site profile: name, address, logo and paper size (ISO 18788's context of the organisation
// starts here).
class SiteModule final : public Module
{
public:
    explicit SiteModule(const ModuleContext &context);

    QString id() const override;
    QString title() const override;
    QIcon icon() const override;
    QWidget *createWidget(QWidget *parent) override;
    QList<AttentionItem> attentionItems(const QDate &today) const override;
    QString entityTitle(const QString &entity) const override;
    bool confirmClose() override;
    QString fieldTitle(const QString &entity, const QString &field) const override;

private:
    ModuleContext m_context;
    QPointer<SitePage> m_page;
};

} // namespace vigil
