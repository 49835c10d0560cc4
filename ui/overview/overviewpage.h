#pragma once

#include "shell/module.h"

#include <QWidget>

class QGridLayout;
class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace vigil {

class OverviewPage : public QWidget
{
    Q_OBJECT

public:
    OverviewPage(const ModuleContext &context, QWidget *parent = nullptr);

    // Re-reads everything now (the page also refreshes itself when records change).
    void refresh();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void scheduleRefresh();
    void refreshSite();
    void refreshAttention();
    void refreshFigures();
    void refreshActivity();
    void refreshFileFacts();
    void activateAttention(QTreeWidgetItem *item);
    QString entityTitle(const QString &entity) const;
    QString describe(const struct AuditEntry &entry) const;
    QString describeBatch(const struct AuditEntry &first, int count) const;

    ModuleContext m_context;
    QLabel *m_logo;
    QLabel *m_siteName;
    QLabel *m_siteAddress;
    QTreeWidget *m_attention;
    QWidget *m_figuresBox;
    QGridLayout *m_figures;
    QTreeWidget *m_activity;
    QLabel *m_fileFacts;
    QWidget *m_content; // what paints: the page and the scroll area's viewport are covered by it
    bool m_refreshPending = false;
    bool m_stale = true;
    bool m_painted = false;          // the page has been on screen once
    bool m_waitingForPaint = false;
};

} // namespace vigil
