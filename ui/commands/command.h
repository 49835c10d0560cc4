#pragma once

#include <QUndoCommand>

#include <memory>

namespace vigil {

class ModuleHost;
struct ModuleContext;

// Base of every undoable edit. apply() and revert() call core services and throw Error when
// the database refuses (a full disk, a record changed meanwhile); the message reaches the user
// through the host. A first apply that fails is never pushed; an undo or redo that fails
// clears the undo history, which no longer matches the file.
class Command : public QUndoCommand
{
public:
    Command(const ModuleContext &context, const QString &text);

    void redo() final;
    void undo() final;

protected:
    virtual void apply() = 0;
    virtual void revert() = 0;

private:
    friend bool pushCommand(const ModuleContext &context, std::unique_ptr<Command> command);
    void failed(const QString &message);
    ModuleHost &m_host;
    QUndoStack &m_stack;
    bool m_alreadyApplied = false;
};

// Applies the command now; when that succeeds it goes on the window's undo stack and true is
// returned. When it fails the user sees why, nothing is pushed and false is returned.
bool pushCommand(const ModuleContext &context, std::unique_ptr<Command> command);

} // namespace vigil
