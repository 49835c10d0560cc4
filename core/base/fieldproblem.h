#pragma once

#include <QList>
#include <QString>

namespace vigil {

// A problem with one field of a record, shown beside that field in its editor.
struct FieldProblem
{
    QString field;
    QString message;
};

} // namespace vigil
