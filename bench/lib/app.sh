# Sourced by the scripts that run the platform as a province would: the exec jar extracted into plain jars
# (`java -Djarmode=tools -jar … extract`) and started from there. Started from the nested jar itself, virtual threads
# loading classes lazily can deadlock in Spring Boot's NestedJarFile (spring-boot#51463, open for Boot 4.0.7): seen in
# bench/faults.sh, where both nodes stopped answering for good after PostgreSQL restarted under load. Sets app.
extract_platform() {
  java -Djarmode=tools -jar "$(ls platform/target/tongban-platform-*-exec.jar)" extract --destination "$work/app" \
    >/dev/null
  app=$(ls "$work"/app/tongban-platform-*-exec.jar)
}
