#pragma once
// The File ▸ Open recent menu, kept in QSettings ("recentModels", newest first, at most 8, missing files dropped).
#include <QObject>
#include <QStringList>

class QMenu;

namespace lstm {

class RecentFiles : public QObject {
  Q_OBJECT
public:
  RecentFiles(QMenu *menu, QObject *parent);
  void add(const QString &path); // built-in ":/…" models are not remembered
  QStringList paths() const;

Q_SIGNALS:
  void openRequested(const QString &path);

private:
  void rebuildMenu();
  QMenu *m_menu;
};

} // namespace lstm
