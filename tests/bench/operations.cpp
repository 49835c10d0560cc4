#include "benchmark.h"

namespace vigil::bench {

QList<Operation> allOperations()
{
    QList<Operation> operations;
    operations += shellOperations();
    operations += riskOperations();
    operations += incidentOperations();
    return operations;
}

} // namespace vigil::bench
