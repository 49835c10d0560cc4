#include "audittrailmodel.h"

#include "base/error.h"

#include "shell/module.h"
#include "storage/auditchain.h"
#include "widgets/displaytext.h"
#include "widgets/historyview.h"

namespace vigil {

AuditTrailModel::AuditTrailModel(Database &db, QList<const Module *> modules, QObject *parent)
    : QAbstractTableModel(parent)
    , m_db(db)
    , m_modules(std::move(modules))
{
}

void AuditTrailModel::setFilter(const AuditFilter &filter)
{
    // The first page comes with the reset; a view (or the model tester) asking for more while
    // the reset is being announced gets nothing until it is over.
    m_resetting = true;
    beginResetModel();
    m_filter = filter;
    m_entries.clear();
    m_labels.clear();
    m_atEnd = false;
    m_entries = readPage();
    endResetModel();
    m_resetting = false;
}

QList<AuditEntry> AuditTrailModel::readPage()
{
    QList<AuditEntry> page;
    try {
        page = AuditLog(m_db).page(m_filter, m_entries.isEmpty() ? 0 : m_entries.last().id, pageSize);
    } catch (const Error &e) {
        m_atEnd = true;
        emit readFailed(e.message());
        return {};
    }
    m_atEnd = page.size() < pageSize;
    return page;
}

const AuditEntry *AuditTrailModel::entryAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries.at(row) : nullptr;
}

int AuditTrailModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditTrailModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool AuditTrailModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_resetting;
}

void AuditTrailModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_atEnd || m_resetting)
        return;
    const QList<AuditEntry> page = readPage();
    if (page.isEmpty())
        return;
    beginInsertRows({}, int(m_entries.size()), int(m_entries.size() + page.size() - 1));
    m_entries += page;
    endInsertRows();
}

QVariant AuditTrailModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case When:
        return tr("When");
    case Who:
        return tr("Who");
    case Action:
        return tr("Action");
    case RecordType:
        return tr("Record type");
    case Record:
        return tr("Record");
    case Changes:
        return tr("Changes");
    default:
        return {};
    }
}

QVariant AuditTrailModel::data(const QModelIndex &index, int role) const
{
    const AuditEntry *entry = entryAt(index.row());
    if (!entry || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    switch (index.column()) {
    case When:
        return role == Qt::ToolTipRole ? tr("Entry #%1").arg(entry->id) : shortDateTime(entry->at);
    case Who:
        return entry->actor;
    case Action:
        return entry->context.isEmpty() ? auditActionTitle(entry->action)
                                        : tr("%1 (%2)").arg(auditActionTitle(entry->action), entry->context);
    case RecordType:
        return entityTitle(entry->entity);
    case Record:
        return role == Qt::ToolTipRole ? entry->recordUuid : recordText(*entry);
    case Changes: {
        const QString text = changesText(*entry);
        // One line in the table; every change, one per line, in the tooltip.
        return role == Qt::ToolTipRole ? text : QString(text).replace(u'\n', QStringLiteral("; "));
    }
    default:
        return {};
    }
}

QString AuditTrailModel::entityTitle(const QString &entity) const
{
    for (const Module *module : m_modules) {
        const QString title = module->entityTitle(entity);
        if (!title.isEmpty())
            return title;
    }
    return entity;
}

QString AuditTrailModel::fieldTitle(const QString &entity, const QString &field) const
{
    for (const Module *module : m_modules) {
        const QString title = module->fieldTitle(entity, field);
        if (!title.isEmpty())
            return title;
    }
    // The columns many tables share, then the stored name made readable ("employer_id": Employer).
    static const QHash<QString, const char *> common {
        {QStringLiteral("name"), QT_TR_NOOP("Name")},
        {QStringLiteral("active"), QT_TR_NOOP("Active")},
        {QStringLiteral("email"), QT_TR_NOOP("E-mail")},
        {QStringLiteral("phone"), QT_TR_NOOP("Phone")},
        {QStringLiteral("description"), QT_TR_NOOP("Description")},
        {QStringLiteral("notes"), QT_TR_NOOP("Notes")},
        {QStringLiteral("parent_id"), QT_TR_NOOP("Parent")},
        {QStringLiteral("owner_id"), QT_TR_NOOP("Owner")},
        {QStringLiteral("address"), QT_TR_NOOP("Address")},
    };
    if (const char *title = common.value(field))
        return tr(title);
    QString readable = field;
    if (readable.endsWith(QLatin1String("_id")))
        readable.chop(3);
    readable.replace(u'_', u' ');
    if (!readable.isEmpty())
        readable[0] = readable.at(0).toUpper();
    return readable;
}

QString AuditTrailModel::changesText(const AuditEntry &entry) const
{
    QStringList lines;
    for (const FieldChange &change : entry.changes) {
        const QString field = fieldTitle(entry.entity, change.field);
        switch (entry.action) {
        case AuditAction::Create:
            // What the record started with; the fields left empty say nothing.
            if (!change.after.isNull() && !change.after.toString().isEmpty())
                lines.append(tr("%1: %2").arg(field, auditValueText(change.after)));
            break;
        case AuditAction::Delete:
            lines.append(tr("%1 was %2").arg(field, auditValueText(change.before)));
            break;
        default:
            lines.append(tr("%1: %2 → %3").arg(field, auditValueText(change.before), auditValueText(change.after)));
        }
    }
    return lines.join(u'\n');
}

QString AuditTrailModel::recordText(const AuditEntry &entry) const
{
    auto it = m_labels.constFind(entry.recordUuid);
    if (it != m_labels.constEnd())
        return *it;
    QString label;
    try {
        for (const Module *module : m_modules) {
            if (label.isEmpty())
                label = module->recordLabel(entry.entity, entry.recordUuid);
        }
        if (label.isEmpty())
            label = auditRecordLabel(m_db, entry.entity, entry.recordUuid);
    } catch (const Error &) {
    }
    // A deleted record is named by what its entry kept.
    if (label.isEmpty()) {
        for (const char *key : {"reference", "name", "title"}) {
            for (const FieldChange &change : entry.changes) {
                if (label.isEmpty() && change.field == QLatin1String(key))
                    label = (change.after.isNull() ? change.before : change.after).toString();
            }
        }
    }
    if (label.isEmpty())
        label = entry.recordUuid.left(8);
    m_labels.insert(entry.recordUuid, label);
    return label;
}

} // namespace vigil
