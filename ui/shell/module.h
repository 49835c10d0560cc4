#pragma once

#include <QIcon>
#include <QList>
#include <QString>
#include <QVariant>

class QAction;
class QDate;
class QUndoStack;
class QWidget;

namespace vigil {

class Database;
class Module;

// Something the officer should look at today, shown on the Overview page.
struct AttentionItem
{
    enum class Level { Info, Warning, Critical };
    Level level = Level::Info;
    QString text;
    QString moduleId;  // the module that opens when the item is activated
    QVariant target;   // what that module should show (a record, a filter), see Module::showTarget
};

// A headline number for the Overview page ("Open incidents: 4").
struct OverviewFigure
{
    QString label;
    QString value;
    QString moduleId;
    QVariant target;
    QString detail = {}; // a smaller line under the label ("2 critical · 5 high")
};

// What a module may ask of the window that hosts it.
class ModuleHost
{
public:
    virtual ~ModuleHost() = default;
    virtual void showModule(const QString &moduleId, const QVariant &target = {}) = 0;
    virtual void showError(const QString &message) = 0;
    virtual void showStatus(const QString &message) = 0;
    virtual QList<const Module *> modules() const = 0;
};

struct ModuleContext
{
    Database &db;
    QUndoStack &undoStack;
    ModuleHost &host;
};

// The contract between the shell and a module (risks, incidents, training, ...). Modules are
// created in one place (ui/modules.cpp) and talk to each other only through core.
class Module
{
public:
    virtual ~Module() = default;

    virtual QString id() const = 0; // stable: used in settings and object names
    virtual QString title() const = 0;
    virtual QIcon icon() const = 0;

    // Called once, the first time the module is shown; the shell owns the widget.
    virtual QWidget *createWidget(QWidget *parent) = 0;
    // Actions shown in the toolbar while the module is current.
    virtual QList<QAction *> actions() const { return {}; }
    // Drill-down from elsewhere: show a record or apply a filter.
    virtual void showTarget(const QVariant &target) { Q_UNUSED(target); }

    // Called before the window closes or is replaced: a module with unsaved edits asks the user
    // (save, discard, cancel) and returns false to keep the window open.
    virtual bool confirmClose() { return true; }

    virtual QVariant saveState() const { return {}; }
    virtual void restoreState(const QVariant &state) { Q_UNUSED(state); }

    // Contributions to the Overview page, computed by core (no SQL here).
    virtual QList<OverviewFigure> overviewFigures() const { return {}; }
    virtual QList<AttentionItem> attentionItems(const QDate &today) const
    {
        Q_UNUSED(today);
        return {};
    }
    // A readable name for an entity (table) this module owns, for the activity list; empty if
    // the entity is not this module's.
    virtual QString entityTitle(const QString &entity) const
    {
        Q_UNUSED(entity);
        return {};
    }
    // How the record is named to the user ("RSK-0003 Cargo theft ..."); empty if unknown.
    virtual QString recordLabel(const QString &entity, const QString &uuid) const
    {
        Q_UNUSED(entity);
        Q_UNUSED(uuid);
        return {};
    }
    // A readable name for a field of an entity this module owns; empty if unknown.
    virtual QString fieldTitle(const QString &entity, const QString &field) const
    {
        Q_UNUSED(entity);
        Q_UNUSED(field);
        return {};
    }
};

} // namespace vigil
