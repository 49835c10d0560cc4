#pragma once

#include "base/error.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <functional>

namespace vigil {

// A table model that reads its rows from core a page at a time, as the view scrolls to them,
// and keeps only a few pages: a register of 100,000 rows costs the rows on screen. The total
// comes from a count query, so the scroll bar is right from the start; sorting and filtering
// are done by the query (sort() re-reads). Subclasses say how to count and fetch.
template<typename Row>
class WindowedTableModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

    static constexpr int pageSize = 128;
    static constexpr int keptPages = 24;

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : m_count; }

    void sort(int column, Qt::SortOrder order) override
    {
        m_sortColumn = column;
        m_sortOrder = order;
        reload();
    }

    // Re-counts and drops every cached page (after a change or a new filter).
    void reload()
    {
        beginResetModel();
        m_pages.clear();
        m_pageOrder.clear();
        try {
            m_count = fetchCount();
        } catch (const Error &e) {
            m_count = 0;
            reportError(e.message());
        }
        endResetModel();
    }

    // The row, fetched with its page when needed; nullptr outside the table or on a read error.
    const Row *rowAt(int row) const
    {
        if (row < 0 || row >= m_count)
            return nullptr;
        const int page = row / pageSize;
        auto it = m_pages.find(page);
        if (it == m_pages.end()) {
            QList<Row> rows;
            try {
                rows = fetchRows(page * pageSize, pageSize);
            } catch (const Error &e) {
                reportError(e.message());
                return nullptr;
            }
            if (m_pageOrder.size() >= keptPages)
                m_pages.remove(m_pageOrder.takeFirst());
            it = m_pages.insert(page, rows);
            m_pageOrder.append(page);
        }
        const int index = row % pageSize;
        return index < it->size() ? &it->at(index) : nullptr;
    }

    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    int cachedPages() const { return int(m_pages.size()); }

    // Where read errors go (the window's status bar); they are not thrown into Qt's painting.
    void setErrorHandler(std::function<void(const QString &)> handler) { m_onError = std::move(handler); }

protected:
    virtual int fetchCount() const = 0;
    virtual QList<Row> fetchRows(int offset, int limit) const = 0;

private:
    void reportError(const QString &message) const
    {
        if (m_onError)
            m_onError(message);
    }

    int m_count = 0;
    int m_sortColumn = 0;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    mutable QHash<int, QList<Row>> m_pages;
    mutable QList<int> m_pageOrder;
    std::function<void(const QString &)> m_onError;
};

} // namespace vigil
