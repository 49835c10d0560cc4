// The risk register on a decade file (5,000 risks): what the officer waits for.
#include "benchmark.h"

#include "risks/riskregistermodel.h"
#include "risks/riskrepository.h"
#include "storage/database.h"

namespace vigil::bench {
namespace {

// What the table shows first: the count and the rows of the first screen.
void readFirstScreen(RiskRegisterModel &model)
{
    for (int row = 0; row < qMin(40, model.rowCount()); ++row) {
        for (int column = 0; column < model.columnCount(); ++column)
            model.data(model.index(row, column));
    }
}

} // namespace

QList<Operation> riskOperations()
{
    return {
        {QStringLiteral("risks.open_register"),
            QStringLiteral("open the register: count, first screen of rows, both heat maps"), Operation::Needs::OpenDatabase,
            [](Context &c) {
                RiskRegisterModel model(*c.db);
                readFirstScreen(model);
                RiskRepository(*c.db).heatMap({}, RatingKind::Inherent);
                RiskRepository(*c.db).heatMap({}, RatingKind::Residual);
                return -1.0;
            }},
        {QStringLiteral("risks.filter_by_level"),
            QStringLiteral("filter the register to the two highest residual levels"), Operation::Needs::OpenDatabase,
            [](Context &c) {
                RiskRegisterModel model(*c.db);
                RiskFilter filter;
                const int levels = int(model.criteria().levels.size());
                filter.residualLevels = {levels - 1, levels - 2};
                model.setFilter(filter);
                readFirstScreen(model);
                return -1.0;
            }},
        {QStringLiteral("risks.text_search"), QStringLiteral("search the register for a word (\"theft\")"),
            Operation::Needs::OpenDatabase,
            [](Context &c) {
                RiskRegisterModel model(*c.db);
                RiskFilter filter;
                filter.text = QStringLiteral("theft");
                model.setFilter(filter);
                readFirstScreen(model);
                return -1.0;
            }},
        {QStringLiteral("risks.heat_map_counts"), QStringLiteral("count risks per cell, inherent and residual"),
            Operation::Needs::OpenDatabase,
            [](Context &c) {
                RiskRepository risks(*c.db);
                risks.heatMap({}, RatingKind::Inherent);
                risks.heatMap({}, RatingKind::Residual);
                return -1.0;
            }},
    };
}

} // namespace vigil::bench
