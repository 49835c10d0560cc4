#include "benchmark.h"

namespace vigil::bench {

QList<Operation> allOperations()
{
    QList<Operation> operations;
    operations += shellOperations();
    operations += riskOperations();
    return operations;
}

} // namespace vigil::bench
