#pragma once

#include "commands/command.h"
#include "shell/module.h"
#include "storage/catalogue.h"

#include <QCoreApplication>

#include <optional>

namespace vigil::commands {

struct CatalogueText
{
    Q_DECLARE_TR_FUNCTIONS(vigil::commands::Catalogues)
};

// Saves a catalogue entry (a person, threat, control, asset): a new one when its id is 0.
// Undo of a new entry deletes it; undo of a change puts the old values back.
template<typename T>
class SaveCatalogueItem final : public Command
{
public:
    SaveCatalogueItem(const ModuleContext &context, std::optional<T> before, T after)
        : Command(context, before ? CatalogueText::tr("Edit %1").arg(before->name) : CatalogueText::tr("New %1").arg(after.name))
        , m_db(context.db)
        , m_before(std::move(before))
        , m_after(std::move(after))
    {
    }
    qint64 itemId() const { return m_after.id; }

protected:
    void apply() override
    {
        const qint64 id = Catalogue<T>(m_db).save(m_after);
        if (!m_before && m_after.id == 0) {
            m_after.id = id;
            m_after.uuid = Catalogue<T>(m_db).load(id)->uuid; // redo brings back the same identity
        }
    }
    void revert() override
    {
        if (m_before) {
            Catalogue<T>(m_db).save(*m_before);
            return;
        }
        Catalogue<T>(m_db).remove(m_after.id);
        m_after.id = 0;
    }

private:
    Database &m_db;
    std::optional<T> m_before;
    T m_after;
};

// Returns the saved entry's id, or nothing when it was refused (the user has been told why).
template<typename T>
std::optional<qint64> saveCatalogueItem(const ModuleContext &context, const T &item)
{
    std::optional<T> before;
    try {
        if (item.id > 0)
            before = Catalogue<T>(context.db).load(item.id);
    } catch (const Error &e) {
        context.host.showError(e.message());
        return std::nullopt;
    }
    if (before && *before == item)
        return item.id;
    auto command = std::make_unique<SaveCatalogueItem<T>>(context, before, item);
    auto *raw = command.get();
    if (!pushCommand(context, std::move(command)))
        return std::nullopt;
    return raw->itemId();
}

} // namespace vigil::commands
