#include "benchmark.h"

namespace vigil::bench {

QList<Operation> allOperations()
{
    QList<Operation> operations;
    operations += shellOperations();
    return operations;
}

} // namespace vigil::bench
