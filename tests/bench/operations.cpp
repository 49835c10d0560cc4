#include "benchmark.h"

namespace vigil::bench {

QList<Operation> allOperations()
{
    QList<Operation> operations;
    operations += shellOperations();
    operations += riskOperations();
    operations += incidentOperations();
    operations += trainingOperations();
    operations += kpiOperations();
    operations += reportOperations();
    operations += importOperations();
    operations += checkOperations();
    return operations;
}

} // namespace vigil::bench
