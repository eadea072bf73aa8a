#pragma once
// Saving a QCustomPlot to a file, shared by the plot views so every export names its errors the same way.
#include <QString>

class QCustomPlot;

namespace lstm {

// Writes `plot` as PNG or PDF, chosen by the extension of `path` (case-insensitive). width/height 0 keep the
// plot's current size. On failure returns false and sets `error` to "<path>: unsupported format (use .png or
// .pdf)" or "<path>: could not write the file". GUI thread.
bool savePlot(QCustomPlot *plot, const QString &path, QString *error, int width = 0, int height = 0);

} // namespace lstm
