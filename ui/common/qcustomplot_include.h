#pragma once
// The one way to include QCustomPlot. The project builds with QT_NO_KEYWORDS (so `signals`, `slots`, `emit` and
// `foreach` cannot clash with other libraries), but qcustomplot.h still spells `signals:` in its classes and uses
// `foreach`; both are mapped to their Q_ forms for the length of the include only, so no other code sees them.
// Include from .cpp files only: the header is heavy (seconds per file), so headers forward-declare QCP classes.
#define signals Q_SIGNALS
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef foreach
#undef signals
