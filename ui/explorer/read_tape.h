#pragma once
// "Read this text": the one way code (not the user's stepping) makes the session read its tape at once.
#include "explorer_session.h"

namespace lstm {

// Switches to read mode and reads the next `steps` characters (or values) of the tape now, synchronously, with one
// traceChanged: the rest of the tape when `steps` is negative. After setText, setSeries or reset this reads the
// tape from its start. Fewer steps are taken when the tape ends first.
inline void readTape(ExplorerSession &session, int steps = -1) {
  session.setMode(DriveMode::Read); // write mode would sample instead of reading the tape
  session.stepMany(steps < 0 ? session.tapeLength() : steps);
}

} // namespace lstm
