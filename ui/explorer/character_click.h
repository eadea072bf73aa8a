#pragma once
// What a click on a character does, in every view that shows the text (the text view, the units over the text).
#include "explorer_session.h"

namespace lstm {

// A step already taken is inspected; a later character of the loaded text is read up to (in read mode only: in write
// mode the model chooses what comes next). GUI thread.
inline void inspectOrReadTo(ExplorerSession &session, int index) {
  if (index < session.steps())
    session.setCursor(index);
  else if (session.mode() == DriveMode::Read)
    session.runTo(index + 1);
}

} // namespace lstm
