#include "recent_files.h"

#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace lstm {

namespace {
const QString kKey = QStringLiteral("recentModels");
constexpr int kMaxRecent = 8;
} // namespace

RecentFiles::RecentFiles(QMenu *menu, QObject *parent) : QObject(parent), m_menu(menu) { rebuildMenu(); }

QStringList RecentFiles::paths() const {
  QStringList existing;
  for (const QString &path : QSettings().value(kKey).toStringList())
    if (QFileInfo::exists(path))
      existing << path;
  return existing;
}

void RecentFiles::add(const QString &path) {
  if (path.startsWith(QStringLiteral(":/")))
    return;
  const QString absolute = QFileInfo(path).absoluteFilePath();
  QStringList list = paths();
  list.removeAll(absolute);
  list.prepend(absolute);
  while (list.size() > kMaxRecent)
    list.removeLast();
  QSettings().setValue(kKey, list);
  rebuildMenu();
}

void RecentFiles::rebuildMenu() {
  m_menu->clear();
  const QStringList list = paths();
  for (int i = 0; i < list.size(); ++i) {
    const QString path = list[i];
    QAction *action = m_menu->addAction(QStringLiteral("&%1  %2").arg(i + 1).arg(QDir::toNativeSeparators(path)));
    connect(action, &QAction::triggered, this, [this, path] { Q_EMIT openRequested(path); });
  }
  m_menu->setEnabled(!list.isEmpty());
}

} // namespace lstm
