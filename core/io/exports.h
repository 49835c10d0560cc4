#pragma once

#include "io/exporttable.h"

#include <QList>
#include <QString>

#include <functional>

namespace vigil {

class Database;

// A register that `vigil export --kind KEY` and the window's Export action can write.
struct ExportKind
{
    QString key; // risks, incidents, people, ...
    QString title;
    std::function<ExportTable(Database &)> build; // the whole register, in reference order
    QString note; // what the command line's help says of it, if anything ("leavers included")
    bool asOfToday = false; // depends on the day (Clock::current()): `vigil export --today` applies
};

// The one list of exportable registers; each module adds its own.
QList<ExportKind> exportKinds();

} // namespace vigil
