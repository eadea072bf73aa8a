#pragma once
// Interventions moved down to core/model, next to the cell step that applies them; model/intervention.h documents
// where each kind acts (kCellOrder). This header stays so explorer code keeps including it.
#include "model/intervention.h"
