// TANDEM_GET for the server's appliers and readers, which unwrap many Result<T> one after another.
#pragma once

#include "util/result.h"

// Declares `var` as a reference to the value of `expr` (a Result<T> with a value), or returns its error.
#define TANDEM_GET(var, expr)                                                                                \
    auto var##Result_ = (expr);                                                                              \
    if (!var##Result_)                                                                                       \
        return var##Result_.error();                                                                         \
    auto &var = *var##Result_;
