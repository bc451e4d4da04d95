# syntax=docker/dockerfile:1
# The production image: the executable jar of consent-bootstrap (no embedded parts), unpacked in
# Spring Boot's layers so a code change rebuilds only the last one. Runs as a non-root user on a
# read-only root filesystem (the Deployment mounts an emptyDir at /tmp). docs/operations.md,
# "Running on Kubernetes".
#
#   docker build -t consent-platform:0.1.0 .

FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -pl consent-bootstrap -am package -DskipTests \
 && java -Djarmode=tools -jar consent-bootstrap/target/consent-bootstrap-*-exec.jar extract --layers --launcher --destination /layers

FROM eclipse-temurin:25-jre
RUN groupadd --system --gid 10001 consent && useradd --system --uid 10001 --gid consent --no-create-home consent
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER 10001:10001
EXPOSE 8080
# Heap from the container's memory limit; die on OOM so the orchestrator restarts a clean JVM;
# temporary files (uploads being spooled, Tomcat's work) under the writable /tmp.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:InitialRAMPercentage=50 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp" \
    SPRING_PROFILES_ACTIVE=production
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
