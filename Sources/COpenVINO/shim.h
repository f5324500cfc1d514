// Found through -I.deps/openvino/include (see Package.swift); scripts/setup links it there.
#include <openvino/c/openvino.h>
